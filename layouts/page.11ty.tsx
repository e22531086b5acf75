/** A plain page (association, services, legal…). */
import { Base } from "./components/Base.tsx";
import { Html } from "./components/Html.tsx";
import HomeLayout from "./home.11ty.tsx";
import { contextOf } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

export default function PageLayout(data: PageData) {
  // The root bundle (content/index.<lang>.md) is the home page.
  if (data.bundle === "") return HomeLayout(data);
  const c = contextOf(data);
  const title = data.title ?? c.site.name;
  return (
    <Base data={data} title={title} description={data.summary}>
      <article class="page" lang={data.contentLang !== c.lang ? data.contentLang : undefined}>
        <h1>{title}</h1>
        <Html class="prose" html={data.content ?? ""} />
      </article>
    </Base>
  );
}
