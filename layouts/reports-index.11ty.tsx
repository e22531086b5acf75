/** The reports of every exercice in one language, newest exercice first. */
import { PRINT_CSS_URL, REPORTS_CSS_URL, type ReportsData } from "../plugins/reports/api.ts";
import { Base } from "./components/Base.tsx";
import { ReportList } from "./components/ReportList.tsx";
import { contextOf } from "./lib/context.ts";
import type { Item, PageData } from "./lib/types.ts";

export default function ReportsIndex(data: PageData & ReportsData) {
  const c = contextOf(data);
  const items = (data.collections[`reports_${c.lang}`] ?? []) as Item[];
  const title = c.t("reports.title");
  return (
    <Base data={data} title={title} description={c.t("reports.intro")} styles={[REPORTS_CSS_URL, PRINT_CSS_URL]}>
      <h1>{title}</h1>
      <p class="lead">{c.t("reports.intro")}</p>
      {items.length ? <ReportList items={items} api={data.reportsApi} c={c} /> : <p>{c.t("reports.empty")}</p>}
    </Base>
  );
}
