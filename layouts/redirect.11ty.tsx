/** A page left at an old URL: sends browsers and search engines to the new one. */
import { HeadMeta } from "./components/Base.tsx";
import { translator } from "../plugins/i18n/strings.ts";
import type { Redirect } from "../plugins/pages/index.ts";
import type { PageData } from "./lib/types.ts";

export default function RedirectPage(data: PageData & { redirect: Redirect }) {
  const { redirect, site } = data;
  const t = translator(data.strings, redirect.lang);
  const target = `${site.url}${redirect.to}`;
  return (
    <html lang={redirect.lang}>
      <head>
        <HeadMeta noindex />
        <title>{t("redirect.title")}</title>
        <link rel="canonical" href={target} />
        <meta http-equiv="refresh" content={`0; url=${redirect.to}`} />
      </head>
      <body>
        <main>
          <h1>{t("redirect.title")}</h1>
          <p>
            {t("redirect.text")} <a href={redirect.to}>{redirect.title || target}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
