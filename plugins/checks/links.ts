/**
 * Links of built pages: which ones lead nowhere on this site, and which ones
 * leave it. Pure apart from the two functions it is handed to look at the
 * output folder; no Eleventy import.
 */
import { decodeHTMLAttribute } from "entities";
import { Tokenizer } from "htmlparser2";
import { decodedOrAsWritten } from "../core/decode.ts";
import { parseSrcset } from "../core/srcset.ts";

/** One written page: its HTML, or what scanPage read of it. */
export type BuiltPage = {
  /** URL path of the page (`/blog/2025/ag/`). */
  url: string;
} & ({ html: string } | { scan: PageScan });

/** A reference from one element of a page to a URL. */
export interface Reference {
  /** As written in the HTML. */
  raw: string;
  /** The element and attribute it came from (`a href`, `img src`). */
  via: string;
  /** Where its tag starts in the HTML scanned (for raw HTML in Markdown: see link-lines.ts). */
  offset: number;
}

export interface BrokenLink {
  /** The page that links. */
  page: string;
  ref: Reference;
  /** Nothing at that URL, no such id in the page there, not a URL at all, or a preview on the writer's computer. */
  kind: "missing" | "anchor" | "invalid" | "local";
  /** The URL path it resolves to (with the #anchor for `anchor`, the path, query and anchor for `local`). */
  target: string;
}

/** Why a link is broken, in one clause. */
export function reasonOf(link: BrokenLink): string {
  if (link.kind === "invalid") return "not a valid URL";
  if (link.kind === "local") {
    return `leads to a preview on the computer that built it (copied from the browser's address bar?), which no visitor can reach: write the address from the site's root, ${link.target}`;
  }
  if (link.kind === "missing") return `leads nowhere: the build wrote nothing at ${link.target}`;
  const [page, anchor] = link.target.split("#");
  return `no element with id "${decodedOrAsWritten(anchor ?? "")}" in ${page}`;
}


export interface ExternalLink {
  page: string;
  url: string;
}

export interface OutputFolder {
  /** Whether the output holds this file (path relative to the output folder, no leading slash). */
  exists(file: string): boolean;
  /** The ids of a written HTML page, for #anchors (undefined if not HTML or not written). */
  ids(file: string): ReadonlySet<string> | undefined;
}

/** Element → attributes that hold a URL the browser will request or follow. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  script: ["src"],
  iframe: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  embed: ["src"],
  object: ["data"],
  form: ["action"],
};
/** OpenGraph properties whose content is a URL of the page or its image. */
const META_URLS = new Set(["og:url", "og:image"]);

/** What the check needs of one page: its URL references (document order, code samples left out) and its ids. */
export interface PageScan {
  refs: Reference[];
  ids: Set<string>;
}

/**
 * Elements whose links are not checked: code samples, and `<noscript>`, which
 * browsers with scripts (and this check, until now) read as text.
 */
const SKIPPED = new Set(["pre", "code", "noscript"]);

/** An attribute's value as the browser reads it (`&amp;` → `&`). */
const decoded = (value: string) => (value.includes("&") ? decodeHTMLAttribute(value) : value);

/** The attributes scanPage reads: ids, OpenGraph URLs and every URL attribute. */
const READ = new Set(["id", "name", "property", "content", ...Object.values(URL_ATTRIBUTES).flat()]);

/** The element names the scan acts on. */
const TAGS = new Set([...Object.keys(URL_ATTRIBUTES), ...SKIPPED, "meta"]);

/** Names by length, to match one in the HTML without cutting a string out of it. */
function byLength(names: Iterable<string>): string[][] {
  const lists: string[][] = [];
  for (const name of names) (lists[name.length] ??= []).push(name);
  return lists;
}
const TAGS_BY_LENGTH = byLength(TAGS);
const NONE: readonly string[] = [];
const READ_BY_LENGTH = byLength(READ);

/**
 * The name among `lists` that `html` holds from `start` to `end`, whatever its
 * case, or "" for any other. A page has about a thousand tags and twice as many
 * attributes, nearly all of others: cutting each name out to look it up made
 * 130 MB of garbage at 1,000 posts. (Names here are lowercase ASCII letters,
 * so `| 0x20` folds only A–Z onto them.)
 */
function knownName(html: string, start: number, end: number, lists: string[][]): string {
  const length = end - start;
  for (const name of lists[length] ?? NONE) {
    let i = 0;
    while (i < length && (html.charCodeAt(start + i) | 0x20) === name.charCodeAt(i)) i++;
    if (i === length) return name;
  }
  return "";
}

/**
 * One streaming pass over a page's HTML (no tree is built: a big site has
 * thousands of pages): every URL reference, and every id an #anchor may target.
 *
 * It listens to htmlparser2's tokenizer, not to its parser: the parser built
 * every attribute of every tag and decoded every entity of the text, none of
 * which the check reads (the scan takes about a third less time without).
 * Tag and attribute names are read in lower case, the first of two same-named
 * attributes counts (as in browsers), and the values kept are decoded here.
 */
export function scanPage(html: string): PageScan {
  const refs: Reference[] = [];
  const metaRefs: Reference[] = [];
  const ids = new Set<string>();
  let inCode = 0;

  function opened(tag: string, attributes: ReadonlyMap<string, string>, offset: number): void {
    const id = attributes.get("id") ?? (tag === "a" ? attributes.get("name") : undefined);
    if (id !== undefined) ids.add(decoded(id));
    if (SKIPPED.has(tag)) inCode++;
    if (tag === "meta") {
      const property = attributes.get("property");
      const content = attributes.get("content");
      if (property && META_URLS.has(property) && content !== undefined) metaRefs.push({ raw: decoded(content).trim(), via: `meta ${property}`, offset });
      return;
    }
    const names = URL_ATTRIBUTES[tag];
    if (!names || inCode > 0) return;
    for (const attribute of names) {
      const value = attributes.get(attribute);
      if (value === undefined) continue;
      const url = decoded(value);
      const via = `${tag} ${attribute}`;
      if (attribute === "srcset") {
        for (const candidate of parseSrcset(url)) refs.push({ raw: candidate.url, via, offset });
      } else refs.push({ raw: url.trim(), via, offset });
    }
  }

  // The tag being read: its name ("" when the scan does not act on it), where it starts, and the attributes READ holds.
  let tag = "";
  let tagStart = 0;
  const attributes = new Map<string, string>();
  let attribute = "";
  let valueStart = -1;
  let valueEnd = -1;
  const ignore = () => undefined;
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tag = knownName(html, start, end, TAGS_BY_LENGTH);
        tagStart = start - 1;
        if (attributes.size > 0) attributes.clear(); // clear() makes a new table, even for an empty Map
      },
      onattribname(start, end) {
        attribute = knownName(html, start, end, READ_BY_LENGTH);
        valueStart = -1;
      },
      onattribdata(start, end) {
        if (valueStart < 0) valueStart = start;
        valueEnd = end;
      },
      onattribend() {
        if (attribute && !attributes.has(attribute)) attributes.set(attribute, valueStart < 0 ? "" : html.slice(valueStart, valueEnd));
      },
      // `<x/>` opens x in HTML, as the parser read it.
      onopentagend: () => opened(tag, attributes, tagStart),
      onselfclosingtag: () => opened(tag, attributes, tagStart),
      onclosetag(start, end) {
        if (inCode > 0 && SKIPPED.has(knownName(html, start, end, TAGS_BY_LENGTH))) inCode--;
      },
      onattribentity: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onprocessinginstruction: ignore,
      ontext: ignore,
      ontextentity: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return { refs: [...refs, ...metaRefs], ids };
}

/**
 * A scan that can outlive its page: the parser's strings are slices of the
 * page's HTML, and one kept slice keeps the whole page in memory. Each text is
 * copied once and shared through `texts`, as most links recur on every page.
 */
export function detachedScan(scan: PageScan, texts: Map<string, string>): PageScan {
  const own = (text: string) => sharedText(texts, text, { copied: true });
  return {
    refs: scan.refs.map((ref) => ({ raw: own(ref.raw), via: own(ref.via), offset: ref.offset })),
    ids: new Set([...scan.ids].map(own)),
  };
}

/**
 * The one string `texts` shares among the pages for `text`; `copied`: made a
 * string of its own first, for a slice of a page's HTML (kept, it would keep
 * the whole page in memory).
 */
export function sharedText(texts: Map<string, string>, text: string, { copied }: { copied: boolean }): string {
  let kept = texts.get(text);
  if (kept === undefined) texts.set((kept = copied ? Buffer.from(text, "utf8").toString("utf8") : text), kept);
  return kept;
}

/** `raw` resolved against `base`, read once into plain strings; undefined when it is not a URL. */
function parsed(raw: string, base: URL): Target | undefined {
  try {
    const { href, protocol, host, hostname, pathname, search, hash } = new URL(raw, base);
    return { href, protocol, host, hostname, pathname, search, hash };
  } catch {
    return undefined;
  }
}

/** The file a URL path is served from: `/a/` → `a/index.html`; `/a` → `a` or `a/index.html`. */
export function fileOf(pathname: string, output: Pick<OutputFolder, "exists">): string | undefined {
  let clean: string;
  try {
    clean = decodeURIComponent(pathname).replace(/^\/+/, "");
  } catch {
    return undefined;
  }
  const candidates = clean === "" || clean.endsWith("/") ? [`${clean}index.html`] : [clean, `${clean}/index.html`];
  return candidates.find((c) => output.exists(c));
}

export interface CheckOptions {
  /** The site's public URL: absolute links to it are internal. */
  siteUrl: string;
  /** URL path prefixes written after this check runs (a search index…): not checked. */
  skip?: readonly string[];
}

export interface LinkReport {
  broken: BrokenLink[];
  external: ExternalLink[];
}

/** The parts of a resolved URL the check reads. */
type Target = Pick<URL, "href" | "protocol" | "host" | "hostname" | "pathname" | "search" | "hash">;

/**
 * A link that resolves the same on every page: from the site's root (`/x`),
 * another host's (`//h/x`) or with a scheme (`https:`, `mailto:`). The layouts'
 * links are all such, and make most of a site's 47 links a page.
 */
const PAGE_INDEPENDENT = /^(?:\/|[a-z][a-z\d+.-]*:)/i;

/** This computer's names: `npm start`'s preview (localhost:8080), a loopback address, 0.0.0.0. */
const LOCAL_HOST = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** The broken and outside links of `pages`, all given at once ({@link LinkChecker} takes them one by one). */
export function checkPages(pages: BuiltPage[], output: OutputFolder, options: CheckOptions): LinkReport {
  const checker = new LinkChecker(options);
  for (const page of pages) checker.page(page.url, "scan" in page ? page.scan : scanPage(page.html));
  return checker.finish(output);
}

/**
 * The check in two steps. {@link page}, as each page is read: what its links
 * are, worked out without the output (a URL that is not one, another host's,
 * a scheme other than the web's, the page's own anchors). {@link finish}, once
 * the build is written: whether the rest lead to a file, and to an id in it.
 * npm run build's worker reads each page as it is written, and so checks most
 * of a page's links while the build renders the next ones: the check left
 * after the last page took 0.3 s at 4,000 posts, all of it after the last page.
 */
export class LinkChecker {
  private readonly site: URL;
  private readonly pages: { url: string; scan: PageScan; id: string | undefined }[] = [];
  /** What each link that resolves the same on every page leads to, before the output is looked at. */
  private readonly early = new Map<string, Outcome | Target>();
  /** Links that lead nowhere or elsewhere, known from the page alone: [page, index of the ref, outcome]. */
  private readonly known: [number, number, Outcome][] = [];
  /** Links to look for in the output: pages, refs (their indexes) and targets, side by side. */
  private readonly waitingPage: number[] = [];
  private readonly waitingRef: number[] = [];
  private readonly waitingTarget: Target[] = [];

  constructor(private readonly options: CheckOptions) {
    this.site = new URL(`${options.siteUrl.replace(/\/+$/, "")}/`);
  }

  /** A written HTML page: `url`, its URL path; `id`, what {@link finish}'s `only` knows it by. */
  page(url: string, scan: PageScan, id?: string): void {
    const index = this.pages.push({ url, scan, id }) - 1;
    let base: URL | undefined;
    scan.refs.forEach((ref, refIndex) => {
      const { raw } = ref;
      if (raw === "" || raw === "#") return;
      // An anchor of the page itself (the skip link, the contents, the footnotes: most of
      // the links that depend on the page) found among its ids: no address to work out.
      if (raw.startsWith("#") && scan.ids.has(decodedOrAsWritten(raw.slice(1)))) return;
      // A link that resolves the same on every page (most of a page's links: the layout's)
      // leads to the same place from every page: worked out once, not on every page that has it.
      let early = this.early.get(raw);
      if (early === undefined) {
        if (PAGE_INDEPENDENT.test(raw)) this.early.set(raw, (early = this.fromPage(raw, this.site)));
        else early = this.fromPage(raw, (base ??= new URL(url, this.site)));
      }
      if (!("kind" in early)) {
        this.waitingPage.push(index);
        this.waitingRef.push(refIndex);
        this.waitingTarget.push(early);
      } else if (early.kind !== "fine") this.known.push([index, refIndex, early]);
    });
  }

  /** What the page alone tells of `raw`: an outcome, or the URL to look for in the output. */
  private fromPage(raw: string, base: URL): Outcome | Target {
    const url = parsed(raw, base);
    if (!url) return { kind: "invalid", target: raw };
    if (url.protocol !== "http:" && url.protocol !== "https:") return FINE; // mailto:, tel:, data:…
    if (url.host !== this.site.host) return LOCAL_HOST.test(url.hostname) ? url : { kind: "external", target: url.href };
    if (this.options.skip?.some((prefix) => url.pathname.startsWith(prefix))) return FINE;
    return url;
  }

  /** The broken and outside links of the pages given (with `only`, of those whose id it holds). */
  finish(output: OutputFolder, only?: ReadonlySet<string>): LinkReport {
    const ids = new Map<string, ReadonlySet<string> | undefined>();
    const files = new Map<string, string | undefined>();
    const fileAt = (pathname: string) => {
      if (!files.has(pathname)) files.set(pathname, fileOf(pathname, output));
      return files.get(pathname);
    };
    for (const { url, scan } of this.pages) {
      const own = fileAt(url);
      if (own) ids.set(own, scan.ids);
    }
    const idsOf = (file: string) => {
      if (!ids.has(file)) ids.set(file, output.ids(file));
      return ids.get(file);
    };
    /** What a link leads to, once the output is there. */
    const outcomeOf = (url: Target): Outcome => {
      // A page of this site at a local address: copied from the preview (an old site's
      // page served locally, as the import's tests do, stays an external link).
      if (url.host !== this.site.host) return fileAt(url.pathname) ? { kind: "local", target: `${url.pathname}${url.search}${url.hash}` } : { kind: "external", target: url.href };
      const file = fileAt(url.pathname);
      if (!file) return { kind: "missing", target: url.pathname };
      const fragment = url.hash.slice(1);
      if (!fragment || !file.endsWith(".html")) return FINE;
      const targetIds = idsOf(file);
      return targetIds && !targetIds.has(decodedOrAsWritten(fragment)) ? { kind: "anchor", target: `${url.pathname}#${fragment}` } : FINE;
    };
    const outcomes = new Map<Target, Outcome>();
    const found = [...this.known];
    for (let i = 0; i < this.waitingTarget.length; i++) {
      const target = this.waitingTarget[i]!;
      let outcome = outcomes.get(target);
      if (outcome === undefined) outcomes.set(target, (outcome = outcomeOf(target)));
      if (outcome.kind !== "fine") found.push([this.waitingPage[i]!, this.waitingRef[i]!, outcome]);
    }
    // In the pages' order, and each page's links in its order.
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const broken: BrokenLink[] = [];
    const external: ExternalLink[] = [];
    for (const [index, refIndex, outcome] of found) {
      const page = this.pages[index]!;
      if (only && (page.id === undefined || !only.has(page.id))) continue;
      if (outcome.kind === "external") external.push({ page: page.url, url: outcome.target });
      else broken.push({ page: page.url, ref: page.scan.refs[refIndex]!, kind: outcome.kind as BrokenLink["kind"], target: outcome.target });
    }
    return { broken, external };
  }
}

/** Where a link leads: somewhere fine, another host (`target`: the URL), or nowhere (a {@link BrokenLink}'s kind and target). */
type Outcome = { kind: BrokenLink["kind"] | "external" | "fine"; target: string };
const FINE: Outcome = { kind: "fine", target: "" };
