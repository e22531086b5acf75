/** The table of contents of a long post: links to the ids markdown-it-anchor gave its headings. */
import type { TocEntry } from "../../plugins/blog/excerpt.ts";
import type { Context } from "../lib/context.ts";

export function Toc({ entries, c, lang }: { entries: TocEntry[]; c: Context; lang?: string | undefined }) {
  if (!entries.length) return null;
  return (
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" class="toc-title">
        {c.t("post.toc")}
      </h2>
      <TocList entries={entries} lang={lang} />
    </nav>
  );
}

function TocList({ entries, lang }: { entries: TocEntry[]; lang?: string | undefined }) {
  return (
    <ol lang={lang}>
      {entries.map((entry) => (
        <li>
          <a href={`#${entry.id}`}>{entry.text}</a>
          {entry.children.length > 0 && <TocList entries={entry.children} />}
        </li>
      ))}
    </ol>
  );
}
