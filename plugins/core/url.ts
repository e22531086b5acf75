/**
 * A `#` inside a URL's fragment written `%23`: `https://matrix.to/#/#entraide:example.org`,
 * as Element shares a room, becomes `https://matrix.to/#/%23entraide:example.org`. Browsers
 * and matrix.to read both the same; the HTML standard's URL parser counts the first as an
 * error, and the Nu checker refuses the page. Everything else is left as written.
 */
export function encodedFragment(url: string): string {
  const start = url.indexOf("#");
  if (start < 0 || !url.includes("#", start + 1)) return url;
  return url.slice(0, start + 1) + url.slice(start + 1).replaceAll("#", "%23");
}
