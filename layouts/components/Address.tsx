/**
 * A URL to copy, as `<code>`, that wraps after its slashes only (a `<wbr>` after
 * each "/" of the path), never inside the host name or a file name (each piece is
 * `white-space: nowrap` in the stylesheet of the page that uses it).
 */
export function Address({ url }: { url: string }) {
  const { protocol, host } = new URL(url);
  const head = `${protocol}//${host}`;
  const path = url.slice(head.length);
  // "/en/events/agenda.ics" → "/", "en/", "events/", "agenda.ics": a break may follow each slash.
  const parts = path.split("/").map((part, i, all) => (i < all.length - 1 ? `${part}/` : part)).filter(Boolean);
  return (
    <code class="address">
      {/* Each piece unbreakable (browsers would break after the hyphen of "chatons-loire"), a break between pieces. */}
      <span class="address-part">{head}</span>
      {parts.map((part) => (
        <>
          <wbr />
          <span class="address-part">{part}</span>
        </>
      ))}
    </code>
  );
}
