/**
 * A URL to copy, as `<code>`, that wraps after its slashes only (a `<wbr>` after
 * each "/" of the path), never inside the host name or a file name.
 */
export function Address({ url }: { url: string }) {
  const { protocol, host } = new URL(url);
  const head = `${protocol}//${host}`;
  const path = url.slice(head.length);
  // "/en/events/agenda.ics" → "/", "en/", "events/", "agenda.ics": a break may follow each slash.
  const parts = path.split("/").map((part, i, all) => (i < all.length - 1 ? `${part}/` : part)).filter(Boolean);
  return (
    <code class="address">
      {head}
      {parts.map((part) => (
        <>
          <wbr />
          {part}
        </>
      ))}
    </code>
  );
}
