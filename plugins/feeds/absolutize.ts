/**
 * The HTML of a page as a feed entry's content. A feed is read away from the
 * site (in a reader, on a Planet, in an e-mail digest), where a relative URL
 * resolves against nothing: every URL is made absolute against the page's own
 * URL, so `photo.jpg`, `../x/`, `/img/a.avif 480w` and `#section` all keep
 * pointing where they pointed on the page. What only works on the site (heading
 * self-links with hidden text, scripts, event handlers) is taken out. Pure.
 */
import { HTMLElement, parse } from "node-html-parser";
import { escapeMarkup } from "../core/escape.ts";
import { parseSrcset } from "../core/srcset.ts";

/** Attributes holding one URL. */
const URL_ATTRIBUTES = ["href", "src", "poster", "cite", "data", "action"];
/** Elements a reader never runs or shows, or that only make sense on the site. */
const REMOVED = ["script", "style", "template", "noscript", "a.heading-anchor"];

/** `url` resolved against `base`, or undefined when it cannot be (or must not be kept). */
export function absoluteUrl(url: string, base: string): string | undefined {
  const trimmed = url.trim();
  if (/^javascript:/i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

/** A `srcset` with every candidate's URL made absolute, descriptors kept. */
export function absoluteSrcset(srcset: string, base: string): string {
  const candidates: string[] = [];
  for (const { url, descriptor } of parseSrcset(srcset)) {
    const absolute = absoluteUrl(url, base);
    if (absolute) candidates.push(descriptor ? `${absolute} ${descriptor}` : absolute);
  }
  return candidates.join(", ");
}

/** The HTML of `pageUrl` (absolute) ready for a feed. */
export function feedHtml(html: string, pageUrl: string): string {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  for (const selector of REMOVED) for (const el of root.querySelectorAll(selector)) el.remove();
  rewriteUnder(root, pageUrl, false);
  for (const img of root.querySelectorAll("img[srcset]")) {
    // Most readers show `src` only: the smallest width the site serves to phones
    // would be blown up to the reader's column; give them the widest file.
    const widest = widestCandidate(img.getAttribute("srcset")!);
    if (widest) img.setAttribute("src", widest);
  }
  return root.toString();
}

/** The URL of a srcset's candidate with the largest width (`1600w`), if widths are given. */
export function widestCandidate(srcset: string): string | undefined {
  let best: { url: string; width: number } | undefined;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = ""] = candidate.trim().split(/\s+/);
    const width = /^(\d+)w$/.exec(descriptor)?.[1];
    if (url && width && (!best || Number(width) > best.width)) best = { url, width: Number(width) };
  }
  return best?.url;
}

/** Every element below `parent`, in document order, knowing whether it sits in an inline SVG. */
function rewriteUnder(parent: HTMLElement, base: string, inSvg: boolean): void {
  for (const child of parent.childNodes) {
    if (!(child instanceof HTMLElement)) continue;
    const svg = inSvg || child.tagName === "SVG";
    rewrite(child, base, svg);
    rewriteUnder(child, base, svg);
  }
}

function rewrite(el: HTMLElement, base: string, inSvg: boolean): void {
  for (const name of Object.keys(el.attributes)) {
    if (/^on/i.test(name)) el.removeAttribute(name);
  }
  // Inside inline SVG, `href="#id"` points into the same drawing.
  for (const name of URL_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === undefined || (inSvg && value.startsWith("#"))) continue;
    const absolute = absoluteUrl(value, base);
    if (absolute === undefined) el.removeAttribute(name);
    else el.setAttribute(name, escapeMarkup(absolute));
  }
  const srcset = el.getAttribute("srcset");
  if (srcset !== undefined) el.setAttribute("srcset", escapeMarkup(absoluteSrcset(srcset, base)));
}
