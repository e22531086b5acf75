/** A section's own feeds as one short line of links: "RSS, Atom, JSON Feed". */
import type { FeedLink } from "../lib/types.ts";

/** Short names of the feeds, by type; the feeds plugin's own title otherwise. */
const FEED_LABELS: Record<string, string> = { "application/rss+xml": "RSS", "application/atom+xml": "Atom", "application/feed+json": "JSON Feed" };

export function SectionFeeds({ feeds }: { feeds: readonly FeedLink[] }) {
  return (
    <>
      {feeds.map((f, i) => (
        <>
          {i > 0 && ", "}
          <a href={f.url} type={f.type}>
            {FEED_LABELS[f.type] ?? f.title}
          </a>
        </>
      ))}
    </>
  );
}
