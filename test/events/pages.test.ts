/**
 * Event pages as a visitor and a search engine see them: status, date and zone,
 * place, how to attend, price, recap link, schema.org JSON-LD; valid HTML, even
 * with a title written to break out of the JSON-LD script.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, test } from "node:test";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { frontMatter, page, SITE_URL, text } from "./helpers.ts";

const BUNDLES = ["2024/ag", "2025/hiver", "2025/ete", "2025/montreal", "2025/festival", "2025/annule", "2025/reporte", "2025/nuit", "2025/en-cours"];

let site: BuiltSite;
let hostile: BuiltSite;
before(async () => {
  site = await buildSite({ fixture: "events-site", now: "2025-06-01T12:00:00+02:00" });
  hostile = await buildSite({ fixture: "events-hostile", now: "2025-06-01T12:00:00+02:00" });
});

/** The JSON-LD of a page, parsed; fails when there is not exactly one. */
function jsonLd(built: BuiltSite, url: string): Record<string, any> {
  const scripts = page(built, url).querySelectorAll('script[type="application/ld+json"]');
  assert.equal(scripts.length, 1, `${url} has one JSON-LD block`);
  return JSON.parse(scripts[0]!.textContent) as Record<string, any>;
}

/** The text of the <dd> after the <dt> labelled `label`. */
function fact(url: string, label: string): string {
  const dt = page(site, url).querySelectorAll(".event-facts dt").find((d) => text(d) === label);
  return text(dt?.nextElementSibling);
}

describe("an event page", () => {
  test("a cancelled event says so once on the page (badge and notice under the title), in the tab's title too, and offers no calendar file", () => {
    const fr = page(site, "/events/2025/annule/");
    assert.match(text(fr.querySelector("title")), /^Annulé : Atelier annulé · /);
    assert.equal(text(fr.querySelector("h1")), "Atelier annulé");
    assert.equal(text(fr.querySelector('.event-header [role="status"]')), "Annulé Cet événement n’aura pas lieu.");
    assert.equal(fr.querySelector("main .event-ics"), null);
    const en = page(site, "/en/events/2025/annule/");
    assert.equal(text(en.querySelector("h1")), "Cancelled workshop");
    assert.match(text(en.querySelector('[role="status"]')), /^Cancelled This event will not take place\.$/);
    assert.ok(page(site, "/events/2025/ete/").querySelector("main .event-ics"), "a scheduled event offers its .ics");
    // A scheduled event has neither.
    const ete = page(site, "/events/2025/ete/");
    assert.equal(text(ete.querySelector("h1")), "Atelier d'été");
    assert.equal(ete.querySelector('[role="status"]'), null);
    // A postponed one strikes its dropped date, says a new one is to come, and offers no calendar file.
    const reporte = page(site, "/events/2025/reporte/");
    assert.equal(text(reporte.querySelector("h1")), "Café reporté");
    assert.ok(reporte.querySelector(".event-facts del time"), "the dropped date is struck out");
    assert.match(fact("/events/2025/reporte/", "Quand"), /nouvelle date à venir$/);
    assert.equal(reporte.querySelector("main .event-ics"), null);
  });

  test("gives the date in the reader's language, and the zone with Paris's time for an event elsewhere", () => {
    assert.match(fact("/events/2025/ete/", "Quand"), /^samedi 21 juin 2025, 18\sh\s30\s–\s22\sh$/);
    assert.match(fact("/en/events/2025/ete/", "When"), /^Saturday, 21 June 2025, 18:30\s?–\s?22:00$/);
    assert.equal(page(site, "/events/2025/hiver/").querySelector(".event-facts time")?.getAttribute("datetime"), "2025-01-18T14:00:00+01:00");
    const montreal = fact("/events/2025/montreal/", "Quand");
    assert.match(montreal, /^samedi 14 juin 2025, 13\sh\s–\s14\sh\s30 Fuseau horaire : heure d’été de l’Est nord-américain \(UTC−4\)\. Soit samedi 14 juin 2025, 19\sh\s–\s20\sh\s30 à l’heure de Paris\.$/);
    assert.match(fact("/en/events/2025/montreal/", "When"), /Eastern Daylight Time \(UTC−4\)\. That is Saturday, 14 June 2025, 19:00\s?–\s?20:30, Paris time\./);
    assert.match(fact("/events/2025/festival/", "Quand"), /^samedi 20\s–\sdimanche 21 septembre 2025$/);
  });

  test("tells where and how to attend: address, online link, registration, price, places", () => {
    assert.equal(fact("/events/2025/ete/", "Où"), "Médiathèque Jacques-Demy 24 quai de la Fosse Nantes");
    assert.match(fact("/events/2025/ete/", "Inscription"), /^S’inscrire · Inscription jusqu’au mercredi 18 juin 2025\.$/);
    assert.equal(page(site, "/events/2025/ete/").querySelector(".event-facts a[href='https://formulaires.example/ete']")?.textContent, "S’inscrire");
    assert.match(fact("/events/2025/ete/", "Tarif"), /^5\s€$/);
    assert.equal(fact("/en/events/2025/ete/", "Price"), "€5");
    assert.equal(fact("/events/2025/ete/", "Places"), "20 places");
    assert.equal(fact("/events/2025/hiver/", "Tarif"), "Gratuit");
    assert.equal(fact("/en/events/2025/hiver/", "Price"), "Free");
    assert.equal(fact("/events/2025/montreal/", "Où"), "En ligne · Rejoindre en ligne");
    assert.ok(page(site, "/events/2025/montreal/").querySelector('.event-facts a[href="https://visio.example/montreal"]'));
    assert.equal(fact("/events/2025/nuit/", "Inscription"), "Sur place ou en ligne. Sans inscription.");
    // Nobody should join or register for a cancelled event.
    assert.equal(fact("/events/2025/annule/", "Inscription"), "");
  });

  test("links the recap post in the reader's language", () => {
    const link = (url: string, label: string) => page(site, url).querySelectorAll("a").find((a) => text(a) === label)?.getAttribute("href");
    assert.equal(link("/events/2024/ag/", "Lire le compte rendu"), "/blog/2024/ag/");
    assert.equal(link("/en/events/2024/ag/", "Read how it went"), "/en/blog/2024/ag/");
    assert.equal(link("/events/2025/hiver/", "Lire le compte rendu"), undefined);
  });

  test("shows the banner with its alt text, published for og:image and JSON-LD", () => {
    const root = page(site, "/events/2025/hiver/");
    assert.equal(root.querySelector(".event-banner")?.getAttribute("alt"), "Un carré bleu");
    assert.equal(page(site, "/en/events/2025/hiver/").querySelector(".event-banner")?.getAttribute("alt"), "A blue square");
    const og = root.querySelector('meta[property="og:image"]')?.getAttribute("content");
    assert.equal(og, `${SITE_URL}/events/2025/hiver/banner.svg`);
    assert.ok(site.exists("events/2025/hiver/banner.svg"));
    assert.deepEqual(jsonLd(site, "/en/events/2025/hiver/").image, [og]);
  });
});

describe("schema.org JSON-LD of event pages", () => {
  test("every event page has an Event that parses and matches its front matter", () => {
    const statuses = { scheduled: "EventScheduled", cancelled: "EventCancelled", postponed: "EventPostponed" } as Record<string, string>;
    for (const lang of ["fr", "en"]) {
      for (const bundle of BUNDLES) {
        const url = `${lang === "fr" ? "" : "/en"}/events/${bundle}/`;
        const data = jsonLd(site, url);
        let fm: Record<string, any>;
        try {
          fm = frontMatter("events-site", bundle, lang);
        } catch {
          fm = frontMatter("events-site", bundle, "fr"); // the untranslated copy
        }
        assert.equal(data["@type"], "Event", url);
        assert.equal(data.name, fm.title, url);
        assert.equal(data.url, `${SITE_URL}${url}`);
        assert.equal(data.eventStatus, `https://schema.org/${statuses[fm.status ?? "scheduled"]}`, url);
        assert.equal(data.startDate.slice(0, String(fm.start).length), fm.start, `${url} starts on the wall clock written`);
        const mode = fm.venue && fm.online ? "Mixed" : fm.online ? "Online" : "Offline";
        assert.equal(data.eventAttendanceMode, `https://schema.org/${mode}EventAttendanceMode`, url);
        assert.equal(data.organizer.name, "Les Chatons de la Loire");
      }
    }
  });

  test("offsets, location and offers are those of the event", () => {
    assert.equal(jsonLd(site, "/events/2025/hiver/").startDate, "2025-01-18T14:00:00+01:00");
    assert.equal(jsonLd(site, "/events/2025/ete/").startDate, "2025-06-21T18:30:00+02:00");
    assert.equal(jsonLd(site, "/events/2025/montreal/").startDate, "2025-06-14T13:00:00-04:00");
    assert.deepEqual(jsonLd(site, "/events/2025/montreal/").location, { "@type": "VirtualLocation", url: "https://visio.example/montreal" });
    assert.deepEqual(jsonLd(site, "/events/2025/festival/").endDate, "2025-09-21");
    const ete = jsonLd(site, "/events/2025/ete/");
    assert.equal(ete.location.address.addressLocality, "Nantes");
    assert.deepEqual([ete.offers.price, ete.offers.priceCurrency, ete.offers.url, ete.offers.validThrough], [5, "EUR", "https://formulaires.example/ete", "2025-06-18T23:59:59.999+02:00"]);
    assert.equal(ete.maximumAttendeeCapacity, 20);
  });

  test("a title written to break out of the script stays data: it parses back as written, and the page has no other script", () => {
    const url = "/events/2025/piege/";
    const html = hostile.read("events/2025/piege/index.html");
    const data = jsonLd(hostile, url);
    assert.equal(data.name, "</script><!--<script>&");
    assert.equal(data.location.name, "</SCRIPT ><img src=x onerror=alert(1)>");
    assert.equal(data.organizer.name, "Collectif </script> & co");
    // The summary's raw HTML is left out of the plain text; its link is kept, readable.
    assert.match(data.description, /^Un résumé avec du HTML, +et un lien \(https:\/\/example\.org\/\?a=1&b=2\)\.$/);
    assert.deepEqual(page(hostile, url).querySelectorAll("script").map((s) => s.getAttribute("type")), ["application/ld+json"]);
    assert.equal(page(hostile, url).querySelectorAll("[onerror]").length, 0, "markup in fields stays text");
    assert.doesNotMatch(html.slice(html.indexOf("application/ld+json")), /<\/script>[^]*<\/script>/i, "one </script>: the JSON-LD's own");
    assert.equal(text(page(hostile, url).querySelector("h1")), "</script><!--<script>&");
  });
});

test("event pages, agenda pages and home pages pass html-validate", async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  const files = [
    ...site.files.filter((f) => f.endsWith(".html") && (f.includes("events/") || /^(en\/)?index\.html$/.test(f))).map((f) => [site, f] as const),
    ...hostile.files.filter((f) => f.includes("events/") && f.endsWith(".html")).map((f) => [hostile, f] as const),
  ];
  for (const [built, file] of files) {
    const report = await validator.validateString(built.read(file), path.join("_site", file));
    for (const m of report.results.flatMap((r) => r.messages)) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  assert.ok(files.length >= 2 * BUNDLES.length + 4, `${files.length} pages checked`);
  assert.deepEqual(errors, []);
});
