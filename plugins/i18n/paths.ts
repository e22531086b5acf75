/**
 * Where a content file lives decides its language, its bundle (the key that
 * pairs a page with its translations) and its URL. Pure: no Eleventy, no fs.
 * The names that make the URL are lowercase ASCII (`Été Serveur` is refused,
 * with `ete-serveur` suggested), as Zola makes them by default: an address
 * with a space or an accent is escaped in every link that shares it.
 *
 *   blog/2025/ag/index.fr.md  → bundle blog/2025/ag, lang fr, /blog/2025/ag/
 *   blog/2025/ag/index.en.md  → bundle blog/2025/ag, lang en, /en/blog/2025/ag/
 *   pages/association.fr.md   → bundle pages/association, /association/ ("pages" is not in URLs)
 *   index.fr.md               → bundle "" (home), /
 */
import slugify from "@sindresorhus/slugify";

/** Template extensions that carry a language suffix before them. */
const TEMPLATE_EXTENSIONS = [".md", ".11ty.tsx", ".11ty.ts"];
/** Sections whose folder name is not part of the URL. */
const URLLESS_SECTIONS = new Set(["pages"]);
/** A folder or file name that becomes part of a URL: what a writer can type and a reader can read out. */
const URL_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;

export interface ContentPath {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** Key shared by a page and its translations. */
  bundle: string;
  /** Language code from the suffix; undefined for language-neutral templates (sitemap…). */
  lang: string | undefined;
  /** First folder (blog, events, reports, docs, pages) or "" for the home page. */
  section: string;
  /** URL path inside one language, without leading slash, ending in "/" ("" for home). */
  urlPath: string;
}

export type ParsedPath = { ok: true; path: ContentPath } | { ok: false; message: string };

export function parseContentPath(file: string, languages: readonly string[]): ParsedPath {
  const posix = file.replace(/\\/g, "/").replace(/^\.\//, "");
  const ext = TEMPLATE_EXTENSIONS.find((e) => posix.endsWith(e));
  if (!ext) return { ok: false, message: `not a template (expected one of ${TEMPLATE_EXTENSIONS.join(", ")})` };
  const stem = posix.slice(0, -ext.length);
  const dir = stem.includes("/") ? stem.slice(0, stem.lastIndexOf("/")) : "";
  const base = stem.slice(dir ? dir.length + 1 : 0);
  const dot = base.lastIndexOf(".");
  const suffix = dot > 0 ? base.slice(dot + 1) : undefined;
  const name = dot > 0 ? base.slice(0, dot) : base;

  let lang: string | undefined;
  if (suffix !== undefined) {
    if (!languages.includes(suffix)) {
      return { ok: false, message: `unknown language suffix ".${suffix}" (the site's languages: ${languages.join(", ")})` };
    }
    lang = suffix;
  } else if (ext === ".md") {
    return { ok: false, message: `no language suffix: name it ${name}.${languages[0]}.md (or .${languages.slice(1).join("/.")} for a translation)` };
  }

  const bundle = name === "index" ? dir : dir ? `${dir}/${name}` : name;
  const segments = bundle ? bundle.split("/") : [];
  const section = segments[0] ?? "";
  const urlSegments = URLLESS_SECTIONS.has(section) ? segments.slice(1) : segments;
  const unreadable = urlSegments.find((s) => !URL_SEGMENT.test(s));
  if (unreadable !== undefined) {
    const what = name !== "index" && unreadable === urlSegments.at(-1) ? "file name" : "folder";
    const suggestion = slugify(unreadable, { decamelize: false });
    return {
      ok: false,
      message:
        `the ${what} "${unreadable}" would be part of the page's address: addresses use lowercase letters without accents, digits and hyphens, ` +
        `so that they can be typed and shared; rename it ${suggestion ? `"${suggestion}"` : "with those characters"}`,
    };
  }
  const urlPath = urlSegments.length ? `${urlSegments.join("/")}/` : "";
  return { ok: true, path: { file: posix, bundle, lang, section, urlPath } };
}

/** The URL of a page in a language: the default language at `/`, others under `/<code>/`. */
export function localizedUrl(urlPath: string, lang: string, defaultLanguage: string): string {
  const clean = urlPath.replace(/^\/+/, "");
  return lang === defaultLanguage ? `/${clean}` : `/${lang}/${clean}`;
}

/** Replaces the last segment of a URL path (a per-language `slug` override). */
export function withSlug(urlPath: string, slug: string | undefined): string {
  if (!slug || !urlPath) return urlPath;
  const parts = urlPath.replace(/\/$/, "").split("/");
  parts[parts.length - 1] = slug;
  return `${parts.join("/")}/`;
}

/** The template path of the same bundle in another language (`index.fr.md` → `index.en.md`). */
export function siblingPath(file: string, from: string, to: string): string {
  return file.replace(new RegExp(`\\.${from}(\\.md|\\.11ty\\.tsx|\\.11ty\\.ts)$`), `.${to}$1`);
}
