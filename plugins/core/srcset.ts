/**
 * The candidates of a `srcset` attribute, read as the HTML standard says
 * (https://html.spec.whatwg.org/#parse-a-srcset-attribute): a URL is a run of
 * non-space characters and may hold commas (`/img/a,b.jpg 2x`); commas at its end
 * close the candidate; otherwise its descriptors run to the next comma outside
 * parentheses. Splitting on every comma would cut such URLs in two.
 */
export interface SrcsetCandidate {
  url: string;
  /** `480w`, `2x`, or "" when the candidate has none. */
  descriptor: string;
}

export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let at = 0;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  while (at < srcset.length) {
    while (at < srcset.length && (isSpace(srcset[at]) || srcset[at] === ",")) at++;
    if (at >= srcset.length) break;
    let end = at;
    while (end < srcset.length && !isSpace(srcset[end])) end++;
    let url = srcset.slice(at, end);
    at = end;
    let descriptor = "";
    if (url.endsWith(",")) url = url.replace(/,+$/, "");
    else {
      let depth = 0;
      let stop = at;
      for (; stop < srcset.length; stop++) {
        const c = srcset[stop];
        if (c === "(") depth++;
        else if (c === ")") depth = Math.max(0, depth - 1);
        else if (c === "," && depth === 0) break;
      }
      descriptor = srcset.slice(at, stop).trim().replace(/\s+/g, " ");
      at = stop + 1;
    }
    if (url) candidates.push({ url, descriptor });
  }
  return candidates;
}
