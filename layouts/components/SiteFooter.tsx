/**
 * Every page's footer, in columns as association sites lay it out: the association
 * (who we are, support, reports, legal notice), what to follow (feeds, agenda,
 * services' state), how to reach us (e-mail, then the accounts of `elsewhere`, each
 * `rel="me"` so a Mastodon profile linking back shows the site as verified). Then
 * the licence, the source and the promise of no tracker. A page this build does not
 * have is not linked.
 */
import type { Context } from "../lib/context.ts";
import { AGENDA_PATH } from "../../plugins/events/entries.ts";
import { STATUS_PATH } from "../../plugins/services/notices.ts";

interface FooterLink {
  href: string | undefined;
  text: string;
  rel?: string;
}

function Column({ title, links }: { title: string; links: FooterLink[] }) {
  const shown = links.filter((l): l is FooterLink & { href: string } => l.href !== undefined);
  if (!shown.length) return null;
  return (
    <div class="footer-column">
      <h2 class="footer-title">{title}</h2>
      <ul>
        {shown.map((l) => (
          <li>
            <a href={l.href} rel={l.rel}>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SiteFooter({ c }: { c: Context }) {
  const { site, t } = c;
  return (
    <footer class="site-footer">
      <div class="wrap footer-columns">
        <Column
          title={t("footer.associationTitle")}
          links={[
            { href: c.page("/association/"), text: t("footer.about") },
            { href: c.page(site.donateUrl), text: t("footer.support") },
            { href: c.page("/reports/"), text: t("reports.footerLink") },
            { href: site.legalUrl && c.page(site.legalUrl), text: t("footer.legal") },
          ]}
        />
        <Column
          title={t("footer.followTitle")}
          links={[
            { href: c.page("/feeds/"), text: t("footer.feeds") },
            { href: c.page(`/${AGENDA_PATH}`), text: t("nav.events") },
            { href: c.page(`/${STATUS_PATH}`), text: t("status.title") },
          ]}
        />
        <Column
          title={t("footer.contactTitle")}
          links={[{ href: `mailto:${site.email}`, text: site.email }, ...site.elsewhere.map((e) => ({ href: e.url, text: e.name, rel: "me" }))]}
        />
      </div>
      <div class="wrap footer-base">
        <p>
          {t("footer.licence")} <a href={site.licence.url}>{site.licence.name}</a> · <a href={site.forge.url}>{t("footer.source")}</a> ·{" "}
          {t("footer.noTracker")}
        </p>
      </div>
    </footer>
  );
}
