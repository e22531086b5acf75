/**
 * The document around every page: head (canonical, hreflang alternates, feeds,
 * OpenGraph), skip link, header with navigation and language switcher, footer.
 * No script unless a page asks for one; no request to another host.
 */
import { raw, type Child, type Html } from "../../plugins/core/jsx-runtime.ts";
import { perBuild } from "../../plugins/core/build-pass.ts";
import { contextOf, type Context } from "../lib/context.ts";
import { builtUrls, switchTarget, versionsOf } from "../../plugins/i18n/translations.ts";
import { SEARCH_PATH } from "../../plugins/search/index.ts";
import { searchAttributes } from "../../plugins/search/attributes.ts";
import type { PageData } from "../lib/types.ts";
import { fediverseAccount } from "../../plugins/core/site.ts";
import { SiteFooter } from "./SiteFooter.tsx";
import { StaleNotice } from "./StaleNotice.tsx";

/** Main navigation: UI string key → URL path inside a language. */
const NAV: { key: string; path: string; section: string }[] = [
  { key: "nav.home", path: "", section: "" },
  { key: "nav.blog", path: "blog/", section: "blog" },
  { key: "nav.events", path: "events/", section: "events" },
  { key: "nav.association", path: "association/", section: "pages" },
  { key: "nav.docs", path: "docs/", section: "docs" },
];


/** Directives every page respects; video players only from the site's PeerTube hosts, after a click. */
function contentSecurityPolicy(peertubeHosts: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `frame-src ${peertubeHosts.length ? peertubeHosts.map((h) => `https://${h}`).join(" ") : "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The first lines of every document's head, this layout's and the standalone pages'
 * (404, redirects): encoding, viewport, the content security policy, and whether
 * search engines may index the page.
 */
export function HeadMeta({ peertubeHosts, noindex }: { peertubeHosts?: readonly string[]; noindex?: boolean }) {
  return (
    <>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta http-equiv="Content-Security-Policy" content={contentSecurityPolicy(peertubeHosts)} />
      {noindex && <meta name="robots" content="noindex" />}
    </>
  );
}

/**
 * Parts of the document that many pages share, each rendered once a build and
 * reused as its HTML: the footer of each language, the site's name with the
 * navigation for each way it marks the page's place, and the head's lines that
 * do not change from page to page. Rendered anew on each of the 2,800 pages of
 * a 1,000-post build, they took 0.3 s of its layouts. `id` must name all a part depends on.
 */
const sharedParts = perBuild(() => new Map<string, string>());

function Shared({ id, render }: { id: string; render: () => Html }) {
  const parts = sharedParts("parts");
  let html = parts.get(id);
  if (html === undefined) parts.set(id, (html = render().html));
  return raw(html);
}

type NavCurrent = "page" | "true" | undefined;

/** The site's name (with its logo) and the main navigation; `current`: each entry's aria-current, search's last. */
function SiteNav({ c, logo, entries, current }: { c: Context; logo: string | undefined; entries: typeof NAV; current: NavCurrent[] }) {
  return (
    <>
      <a class="site-name" href={c.url("")}>
        {/* The logo is decoration beside the name, which is the link's text. */}
        {logo && <span class="site-logo" aria-hidden="true" dangerouslySetInnerHTML={{ __html: logo }} />}
        <span>{c.site.name}</span>
      </a>
      <nav class="site-nav" aria-label={c.t("nav.label")}>
        <ul>
          {entries.map((item, i) => (
            <li>
              <a href={c.url(item.path)} aria-current={current[i]}>
                {c.t(item.key)}
              </a>
            </li>
          ))}
          <li>
            <a href={c.url(SEARCH_PATH)} aria-current={current[entries.length]}>
              {c.t("nav.search")}
            </a>
          </li>
        </ul>
      </nav>
    </>
  );
}

/** Longest `<title>` (html-validate's long-title rule; search results cut longer ones). */
export const MAX_TITLE = 70;

/** "FR" on screen, "Français" for screen readers and as the tooltip. */
function LanguageCode({ code, label }: { code: string; label: string }) {
  return (
    <>
      <abbr title={label} aria-hidden="true">
        {code.toUpperCase()}
      </abbr>
      <span class="visually-hidden">{label}</span>
    </>
  );
}

export interface BaseProps {
  data: PageData;
  /** Page title without the site name. */
  title: string;
  description?: string | undefined;
  /** og:type: website for lists, article for posts. */
  ogType?: "website" | "article";
  /** Absolute or site-absolute URL of the page's image, with its alt text. */
  image?: { url: string; alt: string } | undefined;
  /** Extra elements for the head (JSON-LD, page scripts). */
  head?: Child;
  /** Stylesheets besides the site's own. */
  styles?: string[];
  /** Keep this page out of search engines. */
  noindex?: boolean;
  /** False for a page without Markdown text (the translators' table): no Markdown or highlighting styles. */
  markdown?: boolean;
  children: Child;
}

export function Base({ data, title, description, ogType = "website", image, head, styles = [], noindex, markdown = true, children }: BaseProps) {
  const c = contextOf(data);
  const { site, lang } = c;
  const url = data.page.url || "/";
  const versions = versionsOf(data);
  const original = versions.get(data.originalLang ?? site.defaultLanguage);
  const untranslated = Boolean(data.untranslated);
  // An untranslated copy points search engines at its original.
  const canonical = c.absolute(untranslated && original ? original.url : url);
  const alternates = [...versions.values()].filter((v) => !v.untranslated);
  const hide = noindex || untranslated || data.noindex === true;
  // A long title goes without the site's name rather than past what search results show.
  const suffixed = `${title} · ${site.name}`;
  const fullTitle = data.bundle === "" && !data.pagination?.pageNumber ? site.name : suffixed.length <= MAX_TITLE ? suffixed : title;
  const summary = description ?? site.description[lang] ?? "";
  const feeds = (data.feedLinks?.[lang] ?? []).filter((f) => !f.under || url.startsWith(f.under));
  const hasCode = typeof data.content !== "string" || data.content.includes("code-block");
  // A site without docs (or without an association page) has no such entry: no link to nowhere.
  const navEntries = NAV.filter((item) => item.path === "" || builtUrls(data).has(c.url(item.path)));
  const navCurrent: NavCurrent[] = [
    ...navEntries.map((item) => {
      const href = c.url(item.path);
      const current = url === href || (item.section !== "" && item.section !== "pages" && data.section === item.section);
      return url === href ? "page" : current ? "true" : undefined;
    }),
    url === c.url(SEARCH_PATH) ? "page" : undefined,
  ];

  return (
    <html lang={lang}>
      <head>
        <Shared id={`meta ${hide}`} render={() => <HeadMeta peertubeHosts={site.peertubeHosts} noindex={hide} />} />
        <title>{fullTitle}</title>
        {summary && <meta name="description" content={summary} />}
        <link rel="canonical" href={canonical} />
        {alternates.length > 1 &&
          alternates.map((v) => <link rel="alternate" hreflang={v.lang} href={c.absolute(v.url)} />)}
        {alternates.length > 1 && original && <link rel="alternate" hreflang="x-default" href={c.absolute(original.url)} />}
        {feeds.map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={f.url} />
        ))}
        <Shared
          id={`styles ${markdown} ${hasCode} ${styles.join(" ")}`}
          render={() => (
            <>
              {/* theme.css first: the colours, fonts and widths every other stylesheet reads. */}
              <link rel="stylesheet" href="/assets/theme.css" />
              <link rel="stylesheet" href="/assets/site.css" />
              {markdown && <link rel="stylesheet" href="/assets/markdown.css" />}
              {/* Code colours only where the text holds a code block (plugins/markdown/highlight.ts). */}
              {markdown && hasCode && <link rel="stylesheet" href="/assets/highlight.css" />}
              {styles.map((href) => (
                <link rel="stylesheet" href={href} />
              ))}
              <meta property="og:site_name" content={site.name} />
            </>
          )}
        />
        <meta property="og:title" content={title} />
        {summary && <meta property="og:description" content={summary} />}
        <meta property="og:url" content={c.absolute(url)} />
        <meta property="og:type" content={ogType} />
        <meta property="og:locale" content={c.locale.replace("-", "_")} />
        {image && <meta property="og:image" content={c.absolute(image.url)} />}
        {image && <meta property="og:image:alt" content={image.alt} />}
        <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
        <Shared
          id="icon"
          render={() => {
            // Link previews on Mastodon name the association's account as the author.
            const fediverse = fediverseAccount(site);
            return (
              <>
                {fediverse && <meta name="fediverse:creator" content={fediverse} />}
                <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
              </>
            );
          }}
        />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {c.t("a11y.skip")}
        </a>
        <header class="site-header">
          <div class="wrap header-inner">
            <Shared id={`nav ${lang} ${navCurrent.join(",")}`} render={() => <SiteNav c={c} logo={data.logo} entries={navEntries} current={navCurrent} />} />
            <nav class="lang-switch" aria-label={c.t("nav.languages")}>
              <ul>
                {site.languages.map((l) => (
                  <li>
                    {/* The code is shown (short enough for one header row in every language), the name is read. */}
                    {l.code === lang ? (
                      <span aria-current="true" lang={l.code}>
                        <LanguageCode code={l.code} label={l.label} />
                      </span>
                    ) : (
                      <a href={switchTarget(data, l.code)} hreflang={l.code} lang={l.code}>
                        <LanguageCode code={l.code} label={l.label} />
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        {/* The search index holds each page's main content only (not nav, not footer). */}
        <main id="main" class="wrap" tabindex={-1} {...searchAttributes(data)}>
          {untranslated && (
            <p class="notice notice-untranslated" role="note">
              {c.t("i18n.untranslated", { language: c.languageName(data.contentLang) })}{" "}
              {original && <a href={original.url} hreflang={original.lang}>{c.t("i18n.readOriginal")}</a>}
            </p>
          )}
          <StaleNotice data={data} />
          {children}
        </main>
        <Shared id={`footer ${lang}`} render={() => <SiteFooter c={c} />} />
        {/* The click-to-play video enhancement, only where a video card is. Last in the body, so the
            cards exist when it runs, with no need for `defer`. */}
        {data.content?.includes('class="peertube"') && <script src="/assets/peertube.js" />}
      </body>
    </html>
  );
}
