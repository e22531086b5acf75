/**
 * A documentation page: breadcrumbs, the text, the section's pages, when it
 * last changed and how to edit it, previous/next, and the docs tree beside it
 * (after the text in reading order, on the right on wide screens).
 */
import { docPage, type DocPageData } from "../plugins/docs/page.ts";
import { Base } from "./components/Base.tsx";
import { DocBreadcrumbs, DocChildren, DocPager, DocSidebar } from "./components/DocNav.tsx";
import { Credits } from "./components/Credits.tsx";
import { Html } from "./components/Html.tsx";
import { provenanceOf } from "../plugins/validate/fields.ts";
import { contextOf } from "./lib/context.ts";
import type { PageData } from "./lib/types.ts";

export default function DocLayout(data: PageData & DocPageData) {
  const c = contextOf(data);
  const doc = docPage(data);
  const title = data.title ?? doc.node?.title ?? c.t("nav.docs");
  // An untranslated copy: the text is in the original's language, the interface is not.
  const textLang = data.contentLang !== c.lang ? data.contentLang : undefined;
  const original = data.contentLang;
  const provenance = provenanceOf(data, c.site.timezone);
  // Front matter as written: one name or a list (the schema accepts both).
  const translators = data.untranslated ? [] : ([] as unknown[]).concat(data.translators ?? []).map(String);
  return (
    <Base data={data} title={title} description={data.summary} styles={["/assets/docs.css"]}>
      <DocBreadcrumbs trail={doc.trail} c={c} />
      <div class="doc-layout">
        <article class="doc">
          <h1 lang={textLang}>{title}</h1>
          {provenance.subtitle && (
            <p class="subtitle" lang={textLang}>
              {provenance.subtitle}
            </p>
          )}
          <Html class="prose" lang={textLang} html={data.content ?? ""} />
          {/* Translators are in the footer's line, beside the edit link. */}
          <Credits of={provenance} c={c} textLang={textLang} withTranslators={false} />
          {doc.node && <DocChildren node={doc.node} c={c} />}
          <footer class="doc-footer" data-pagefind-ignore="">
            <p class="meta">
              {doc.updated && (
                <>
                  {c.t("docs.updatedOn")} <time datetime={doc.updated.date.toISODate() ?? undefined}>{c.date(doc.updated.date)}</time>
                  {" · "}
                </>
              )}
              {translators.length > 0 && (
                <>
                  {c.t("docs.translatedBy", { names: translators.join(", ") })}
                  {" · "}
                </>
              )}
              <a href={doc.editUrl}>{data.untranslated ? c.t("docs.editOriginal", { language: c.languageName(original) }) : c.t("docs.edit")}</a>
            </p>
            <DocPager previous={doc.previous} next={doc.next} c={c} />
          </footer>
        </article>
        <DocSidebar tree={doc.tree} current={data.bundle} c={c} />
      </div>
    </Base>
  );
}
