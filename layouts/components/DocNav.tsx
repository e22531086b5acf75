/**
 * The ways around the documentation: the tree of the current language, the
 * breadcrumbs, the list of a section's pages and previous/next links. All of
 * it is navigation, so the search index leaves it out (`data-pagefind-ignore`).
 */
import type { DocNode } from "../../plugins/docs/tree.ts";
import type { Context } from "../lib/context.ts";

interface NodeProps {
  node: DocNode;
  c: Context;
}

/** A page's title, marked with its language when it is an untranslated copy. */
function DocTitle({ node, c }: NodeProps) {
  if (!node.untranslated) return <>{node.title}</>;
  const original = node.contentLang ?? c.site.defaultLanguage;
  return (
    <>
      <span lang={original}>{node.title}</span>{" "}
      <span class="badge">({c.t("i18n.inLanguage", { language: c.languageName(original) })})</span>
    </>
  );
}

/** A node of the tree: a link to its page, or the folder's name when it has none. */
function TreeLink({ node, c, current }: NodeProps & { current: string }) {
  if (!node.url) return <span class="doc-tree-folder">{node.title}</span>;
  return (
    <a href={node.url} aria-current={node.bundle === current ? "page" : undefined}>
      <DocTitle node={node} c={c} />
    </a>
  );
}

function TreeItem({ node, c, current }: NodeProps & { current: string }) {
  return (
    <li>
      <TreeLink node={node} c={c} current={current} />
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <TreeItem node={child} c={c} current={current} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The whole tree: the docs home, then each section with its pages. */
export function DocSidebar({ tree, current, c }: { tree: DocNode; current: string; c: Context }) {
  return (
    <nav class="doc-sidebar" aria-labelledby="doc-sidebar-title" data-pagefind-ignore="">
      <h2 id="doc-sidebar-title" class="doc-sidebar-title">
        {c.t("docs.sidebar")}
      </h2>
      <ul class="doc-tree">
        {/* The home's own item, then its sections beside it rather than nested under it. */}
        <li>
          <TreeLink node={tree} c={c} current={current} />
        </li>
        {tree.children.map((child) => (
          <TreeItem node={child} c={c} current={current} />
        ))}
      </ul>
    </nav>
  );
}

/** Docs home › section › page; nothing on the docs home itself. */
export function DocBreadcrumbs({ trail, c }: { trail: DocNode[]; c: Context }) {
  if (trail.length < 2) return null;
  return (
    <nav class="breadcrumbs" aria-label={c.t("docs.breadcrumbs")} data-pagefind-ignore="">
      <ol>
        {trail.map((node, i) => {
          const last = i === trail.length - 1;
          return (
            <li>
              {node.url ? (
                <a href={node.url} aria-current={last ? "page" : undefined}>
                  <DocTitle node={node} c={c} />
                </a>
              ) : (
                node.title
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** A section's (or the docs home's) pages with their summaries. */
export function DocChildren({ node, c }: NodeProps) {
  const pages = node.children.filter((child) => child.url);
  if (!pages.length) return null;
  return (
    <section class="doc-children" aria-labelledby="doc-children-title" data-pagefind-ignore="">
      <h2 id="doc-children-title">{c.t(node.depth === 0 ? "docs.sections" : "docs.inThisSection")}</h2>
      <ul>
        {pages.map((child) => (
          <li>
            <a href={child.url}>
              <DocTitle node={child} c={c} />
            </a>
            {child.summary && <p lang={child.untranslated ? (child.contentLang ?? c.site.defaultLanguage) : undefined}>{child.summary}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Previous and next pages in reading order, across sections. */
export function DocPager({ previous, next, c }: { previous: DocNode | undefined; next: DocNode | undefined; c: Context }) {
  if (!previous && !next) return null;
  return (
    <nav class="doc-pager" aria-label={c.t("docs.pager")} data-pagefind-ignore="">
      {previous?.url && (
        <a class="doc-pager-previous" href={previous.url} rel="prev">
          <span class="doc-pager-direction">{c.t("docs.previous")}</span> <DocTitle node={previous} c={c} />
        </a>
      )}
      {next?.url && (
        <a class="doc-pager-next" href={next.url} rel="next">
          <span class="doc-pager-direction">{c.t("docs.next")}</span> <DocTitle node={next} c={c} />
        </a>
      )}
    </nav>
  );
}
