/**
 * The translators' page (`/translations/`, noindex, not in the navigation):
 * coverage per section and language, every page with the state of each of
 * its translations and a link to edit it on the forge, and the UI strings.
 */
import type { TranslationReport } from "../plugins/translations/report.ts";
import type { TranslationState } from "../plugins/translations/status.ts";
import { builtUrls } from "../plugins/i18n/translations.ts";
import { Base } from "./components/Base.tsx";
import { contextOf, type Context } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

const STATE_KEYS: Record<TranslationState, string> = {
  missing: "translations.state.missing",
  stale: "translations.state.stale",
  untracked: "translations.state.untracked",
  "up-to-date": "translations.state.upToDate",
};
const ORDER: TranslationState[] = ["missing", "stale", "untracked", "up-to-date"];

export default function TranslationsLayout(data: PageData & { translationReport: TranslationReport }) {
  const c = contextOf(data);
  const report = data.translationReport;
  const others = report.languages.filter((l) => l !== report.defaultLanguage);
  // One column per language some page is translated into: the default language too once a page's original is another one.
  const columns = report.languages.filter((l) => report.pages.some((p) => p.translations.some((t) => t.lang === l)));
  // Drafts and scheduled pages are in the report but not on the site: no link to them.
  const built = builtUrls(data);
  const link = (url: string | undefined, text: string, lang?: string) =>
    url && built.has(url) ? (
      <a href={url} hreflang={lang}>
        {text}
      </a>
    ) : (
      text
    );
  const edit = (file: string) => c.site.forge.editUrl.replace("{path}", file.split("/").map(encodeURIComponent).join("/"));
  const percent = new Intl.NumberFormat(c.locale, { style: "percent" });
  // Sections by their name in the reader's language; a section without one keeps its folder name.
  const sectionName = (s: string) => {
    if (s === "") return c.t("translations.home");
    if (s === "*") return c.t("translations.all");
    const key = `translations.sectionNames.${s}`;
    const name = c.t(key);
    return name === key ? s : name;
  };
  // What needs work comes first: the worst state of a page's translations, then the report's own order.
  const rank = (page: TranslationReport["pages"][number]) => Math.min(...page.translations.map((t) => ORDER.indexOf(t.state)), ORDER.length);
  const pages = report.pages
    .filter((page) => page.original.url && built.has(page.original.url))
    .map((page, i) => ({ page, i }))
    .sort((a, b) => rank(a.page) - rank(b.page) || a.i - b.i)
    .map(({ page }) => page);

  return (
    <Base data={data} title={c.t("translations.title")} description={c.t("translations.intro")} noindex markdown={false} styles={["/assets/translations.css"]}>
      <article class="translations">
        <h1>{c.t("translations.title")}</h1>
        <p>{c.t("translations.intro")}</p>
        <dl class="translation-states">
          {ORDER.map((state) => (
            <>
              <dt>
                <State state={state} c={c} />
              </dt>
              <dd>{c.t(`translations.help.${STATE_KEYS[state].split(".").pop()}`)}</dd>
            </>
          ))}
        </dl>
        <p>
          {c.t("translations.howto")} <code>npm run translations -- --mark content/…/index.{others[0] ?? "en"}.md</code>
        </p>

        <h2 id="coverage">{c.t("translations.coverage")}</h2>
        <section class="table-scroll" tabindex={0} aria-labelledby="coverage">
          <table>
            <thead>
              <tr>
                <th scope="col">{c.t("translations.section")}</th>
                <th scope="col">{c.t("translations.language")}</th>
                <th scope="col" class="num">{c.t("translations.pages")}</th>
                <th scope="col" class="num">{c.t("translations.translated")}</th>
                {ORDER.map((s) => (
                  <th scope="col" class="num">{c.t(STATE_KEYS[s])}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.coverage.map((row) => (
                <tr class={row.section === "*" ? "total" : undefined}>
                  <th scope="row">{sectionName(row.section)}</th>
                  <td>{c.languageName(row.lang)}</td>
                  <td class="num">{row.pages}</td>
                  <td class="num">{row.pages ? percent.format((row.pages - row.counts.missing) / row.pages) : "–"}</td>
                  {ORDER.map((s) => (
                    <td class="num">{row.counts[s]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <h2 id="pages">{c.t("translations.pagesTitle")}</h2>
        <section class="table-scroll" tabindex={0} aria-labelledby="pages">
          <table class="translation-pages">
            <thead>
              <tr>
                <th scope="col">{c.t("translations.page")}</th>
                <th scope="col">{c.t("translations.section")}</th>
                {columns.map((lang) => (
                  <th scope="col">{c.languageName(lang)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {/* Drafts and scheduled pages stay unseen on the published site, titles included. */}
              {pages.map((page) => (
                <tr>
                  <th scope="row">
                    <span lang={page.original.lang}>{link(page.original.url, page.title, page.original.lang)}</span>
                    <br />
                    <a class="edit-link" href={edit(page.original.file)}>
                      <code>{page.original.file}</code>
                    </a>
                  </th>
                  <td>{sectionName(page.section)}</td>
                  {columns.map((lang) => page.translations.find((t) => t.lang === lang) ?? lang).map((t) => typeof t === "string" ? (
                    <td>{c.t("translations.original")}</td>
                  ) : (
                    <td>
                      <State state={t.state} c={c} />{" "}
                      {t.state === "missing" ? (
                        <>
                          {c.t("translations.toCreate")} <code>{t.file}</code>
                        </>
                      ) : (
                        <>
                          {link(t.url, c.t("translations.view"), t.lang)}
                          {" · "}
                          <a href={edit(t.file)}>
                            {c.t("translations.edit")}
                            <span class="visually-hidden"> {t.file}</span>
                          </a>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <h2>{c.t("translations.strings")}</h2>
        <ul>
          {report.strings.map((s) => (
            <li>
              <code>{s.file}</code>
              {" — "}
              {s.missing.length
                ? c.t("translations.stringsMissing", { count: s.keys, keys: s.missing.join(", ") })
                : c.t("translations.stringsComplete", { count: s.keys })}
            </li>
          ))}
        </ul>
      </article>
    </Base>
  );
}

function State({ state, c }: { state: TranslationState; c: Context }) {
  return <span class={`translation-state translation-${state}`}>{c.t(STATE_KEYS[state])}</span>;
}
