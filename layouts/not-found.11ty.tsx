/**
 * The bucket's single error document, served for every missing URL of every
 * language: both languages on one page, every link site-absolute, no script.
 */
import { HeadMeta } from "./components/Base.tsx";
import { translator } from "../plugins/i18n/strings.ts";
import { localizedUrl } from "../plugins/i18n/paths.ts";
import { SEARCH_PATH } from "../plugins/search/index.ts";
import type { PageData } from "./lib/types.ts";

export default function NotFound(data: PageData) {
  const { site } = data;
  const first = translator(data.strings, site.defaultLanguage);
  return (
    <html lang={site.defaultLanguage}>
      <head>
        <HeadMeta noindex />
        <title>{`${first("notFound.title")} · ${site.name}`}</title>
        {/* theme.css first, as on every page: site.css reads its colours, fonts and widths. */}
        <link rel="stylesheet" href="/assets/theme.css" />
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {first("a11y.skip")}
        </a>
        <header class="site-header">
          <div class="wrap header-inner">
            <a class="site-name" href="/">
              {data.logo && <span class="site-logo" aria-hidden="true" dangerouslySetInnerHTML={{ __html: data.logo }} />}
              <span>{site.name}</span>
            </a>
          </div>
        </header>
        <main id="main" class="wrap not-found" tabindex={-1}>
          {site.languages.map(({ code }) => {
            const t = translator(data.strings, code);
            const headingId = `not-found-${code}`;
            return (
              <section lang={code} aria-labelledby={headingId}>
                {code === site.defaultLanguage ? <h1 id={headingId}>{t("notFound.title")}</h1> : <h2 id={headingId}>{t("notFound.title")}</h2>}
                <p>{t("notFound.text")}</p>
                <ul>
                  <li>
                    <a href={localizedUrl("", code, site.defaultLanguage)}>{t("notFound.home")}</a>
                  </li>
                  <li>
                    <a href={localizedUrl(SEARCH_PATH, code, site.defaultLanguage)}>{t("notFound.search")}</a>
                  </li>
                </ul>
              </section>
            );
          })}
        </main>
      </body>
    </html>
  );
}
