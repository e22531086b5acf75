/**
 * Real associations' content (issue 14): an English-only post, a French draft
 * with a finished English translation, a scheduled original, a date with an
 * offset, credits and a source, a 110-character title, NFD text, a venue known
 * by its name, an online event whose link is not known yet, a semester report.
 * Built once; each test reads what a visitor, a feed reader or a search
 * engine gets.
 */
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { parse } from "node-html-parser";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { text, XML } from "../feeds/feed-checks.ts";

const SITE = "https://www.chatons-loire.example";
const ENGLISH_ONLY = "/blog/2025/moving-off-big-tech/";

let site: BuiltSite;
before(async () => {
  site = await buildSite({ fixture: "real-content", now: "2025-09-01T12:00:00+02:00" });
});

function page(url: string) {
  const file = `${url.slice(1)}index.html`;
  assert.ok(site.exists(file), `${url} should be built`);
  return parse(site.read(file));
}
const alternates = (root: ReturnType<typeof parse>) =>
  Object.fromEntries(root.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute("hreflang")!, l.getAttribute("href")!]));
const rssItems = (file: string) => [XML.parse(site.read(file)).rss.channel.item ?? []].flat() as Record<string, any>[];
const atomEntries = (file: string) => [XML.parse(site.read(file)).feed.entry ?? []].flat() as Record<string, any>[];

describe("a page whose original is English", () => {
  test("is a real English page at /en/…, indexed, with its own canonical", () => {
    const en = page(`/en${ENGLISH_ONLY}`);
    assert.equal(en.querySelector("html")!.getAttribute("lang"), "en");
    assert.equal(en.querySelector('meta[name="robots"]'), null);
    assert.equal(en.querySelector('link[rel="canonical"]')!.getAttribute("href"), `${SITE}/en${ENGLISH_ONLY}`);
    assert.equal(en.querySelector(".notice-untranslated"), null);
  });

  test("its French URL shows the English text under the notice, noindex, canonical to the English page", () => {
    const fr = page(ENGLISH_ONLY);
    assert.equal(fr.querySelector("html")!.getAttribute("lang"), "fr");
    assert.match(fr.querySelector(".notice-untranslated")!.text, /pas encore traduite.*en anglais/);
    assert.equal(fr.querySelector(".notice-untranslated a")!.getAttribute("href"), `/en${ENGLISH_ONLY}`);
    assert.equal(fr.querySelector("h1")!.getAttribute("lang"), "en");
    assert.equal(fr.querySelector('meta[name="robots"]')!.getAttribute("content"), "noindex");
    assert.equal(fr.querySelector('link[rel="canonical"]')!.getAttribute("href"), `${SITE}/en${ENGLISH_ONLY}`);
  });

  test("the sitemap lists the English page only; French lists and feeds mark it as English", () => {
    const sitemap = site.read("sitemap.xml");
    assert.ok(sitemap.includes(`<loc>${SITE}/en${ENGLISH_ONLY}</loc>`));
    assert.ok(!sitemap.includes(`<loc>${SITE}${ENGLISH_ONLY}</loc>`));
    const card = page("/blog/").querySelectorAll(".post-card").find((c) => c.innerHTML.includes(ENGLISH_ONLY))!;
    assert.equal(card.querySelector("a")!.getAttribute("lang"), "en");
    assert.match(card.text, /en anglais/);
    const item = rssItems("feed.xml").find((i) => text(i.link).endsWith(ENGLISH_ONLY))!;
    assert.match(text(item["content:encoded"]), /pas encore traduit|anglais/);
  });

  test("original: en makes the French file the translation: stale against the English text, with hreflang pairs and x-default to English", () => {
    const fr = page("/blog/2025/guide-nextcloud/");
    assert.match(fr.querySelector(".notice-stale")!.text, /original, en anglais, a été modifié/);
    assert.deepEqual(alternates(fr), {
      fr: `${SITE}/blog/2025/guide-nextcloud/`,
      en: `${SITE}/en/blog/2025/guide-nextcloud/`,
      "x-default": `${SITE}/en/blog/2025/guide-nextcloud/`,
    });
    assert.equal(page("/en/blog/2025/guide-nextcloud/").querySelector(".notice-stale"), null);
  });

  test("the translators' page lists the English original with its French translation", () => {
    const row = page("/translations/").querySelectorAll("tr").find((r) => r.innerHTML.includes("moving-off-big-tech"))!;
    assert.match(row.text, /texte original/);
    assert.match(row.text, /Manquante|manquante/i);
  });
});

describe("a draft or scheduled original holds back its translations", () => {
  test("no page, list entry, feed item or sitemap URL for either language", () => {
    for (const bundle of ["brouillon-adhesions", "assemblee-a-venir"]) {
      assert.ok(!site.files.some((f) => f.includes(bundle)), `${bundle}: ${site.files.filter((f) => f.includes(bundle)).join(", ")}`);
      for (const file of ["feed.xml", "en/feed.xml", "en/atom.xml", "sitemap.xml", "en/index.html", "en/blog/index.html"]) {
        assert.ok(!site.read(file).includes(bundle), `${bundle} in ${file}`);
      }
    }
  });
});

describe("dates, titles and text as real sites write them", () => {
  test("an offset date is that instant, shown in Paris time; updated is shown and is the feeds' updated", () => {
    const time = page("/blog/2024/rentree/").querySelector(".meta time")!;
    assert.equal(time.getAttribute("datetime"), "2024-08-31T10:45:00+02:00");
    const en = page(`/en${ENGLISH_ONLY}`);
    const times = en.querySelectorAll(".meta time").map((t) => t.getAttribute("datetime"));
    // 09:30Z is 10:30 in Paris in February; the update has no offset: wall clock in Paris.
    assert.deepEqual(times, ["2025-02-20T10:30:00+01:00", "2025-03-02T18:00:00+01:00"]);
    assert.match(en.querySelector(".meta")!.text, /updated on 2 March 2025/i);
    const entry = atomEntries("en/atom.xml").find((e) => JSON.stringify(e).includes(ENGLISH_ONLY))!;
    assert.equal(text(entry.updated), "2025-03-02T18:00:00+01:00");
    assert.equal(text(entry.published), "2025-02-20T10:30:00+01:00");
  });

  test("a 110-character title builds whole, with its subtitle", () => {
    const en = page(`/en${ENGLISH_ONLY}`);
    assert.ok(en.querySelector("h1")!.text.length >= 110);
    assert.equal(en.querySelector(".subtitle")!.text, "Notes from the volunteers who did the migrations");
  });

  test("decomposed (NFD) text is published composed (NFC)", () => {
    const html = site.read("blog/2024/rentree/index.html");
    assert.ok(html.includes("Rentrée des bénévoles à la médiathèque"));
    assert.ok(html.includes("Réunion de rentrée"));
    assert.equal(html, html.normalize("NFC"));
    assert.ok(site.read("feed.xml").includes("Rentrée des bénévoles"));
  });
});

describe("credits and provenance", () => {
  test("a post credits its proofreaders, its illustration with licence and its source, in the page's language", () => {
    const en = page(`/en${ENGLISH_ONLY}`).querySelector(".page-credits")!;
    assert.deepEqual(
      en.querySelectorAll("li").map((li) => li.text),
      ["Proofreading: Samir Haddad and Jo Martin", "Cover drawing: Léa Fontaine, CC BY-SA 4.0", "First published in The Framablog, February 2025"],
    );
    assert.equal(en.querySelector('a[href="https://framablog.org/2025/02/20/moving-off-big-tech/"]')!.text, "The Framablog, February 2025");
    const fr = page(ENGLISH_ONLY).querySelector(".page-credits")!;
    assert.equal(fr.querySelector("h2")!.text, "Crédits");
    assert.match(fr.text, /Relecture\u00a0: Samir Haddad et Jo Martin/);
    assert.equal(fr.querySelector("span[lang=en]")!.text, "Cover drawing");
    assert.match(fr.text, /Première publication/);
  });

  test("an event page shows its translators and its poster's author", () => {
    const credits = page("/en/events/2025/repair-cafe/").querySelector(".page-credits")!;
    assert.deepEqual(credits.querySelectorAll("li").map((li) => li.text), ["Translation: Claire Moreau", "Poster: Léa Fontaine, CC BY 4.0"]);
  });

  test("feeds carry the credits at the end of the entry, in the feed's language", () => {
    const item = rssItems("en/feed.xml").find((i) => text(i.link).endsWith(ENGLISH_ONLY))!;
    const html = text(item["content:encoded"]);
    assert.match(html, /Credits.*Proofreading: Samir Haddad and Jo Martin.*First published in <a href="https:\/\/framablog\.org/s);
    const event = rssItems("en/events/feed.xml").find((i) => text(i.link).includes("repair-cafe"))!;
    assert.match(text(event["content:encoded"]), /Translation: Claire Moreau/);
  });
});

describe("events and reports that do not fit a form", () => {
  test("a venue known by its name alone, no end time", () => {
    const event = page("/events/2025/repair-cafe/");
    assert.equal(event.querySelector(".event-venue")!.text, "Salle des fêtes de Rezé");
    const jsonLd = JSON.parse(event.querySelector('script[type="application/ld+json"]')!.text);
    assert.deepEqual(jsonLd.location, { "@type": "Place", name: "Salle des fêtes de Rezé" });
    assert.equal(jsonLd.endDate, undefined);
  });

  test("an online event whose link is not known yet says where it will be", () => {
    const event = page("/events/2025/visio-ag/");
    assert.equal(event.querySelector(".event-online")!.text, "En ligne · le lien sera donné ici avant l’événement");
    assert.equal(event.querySelector(".event-online a"), null);
  });

  test("a semester report is named and dated by its period, and links nowhere that does not exist", () => {
    const report = page("/reports/2018-automne/rapport-moral/");
    assert.match(report.querySelector(".report-kind")!.text, /Rapport moral · automne 2018/);
    assert.match(report.querySelector(".report-header .meta")!.text, /Période du 1er septembre 2018 au 31 décembre 2018/);
    const section = page("/reports/").querySelector(".report-exercice")!;
    assert.equal(section.querySelector("h2")!.text, "automne 2018");
    for (const a of report.querySelectorAll("main a")) {
      const href = a.getAttribute("href")!;
      if (href.startsWith("/")) assert.ok(site.exists(`${href.slice(1)}${href.endsWith("/") ? "index.html" : ""}`), `${href} leads nowhere`);
    }
  });
});

describe("feeds and search details", () => {
  test("every RSS item has a description: the summary, else the first paragraph", () => {
    for (const file of ["feed.xml", "en/feed.xml", "events/feed.xml", "en/events/feed.xml"]) {
      for (const item of rssItems(file)) assert.ok(text(item.description).trim(), `${file}: ${text(item.title)} has no description`);
    }
    const guide = rssItems("en/feed.xml").find((i) => text(i.link).includes("guide-nextcloud"))!;
    assert.equal(text(guide.description), "Log in with the address you gave us, then change your password first.");
  });

  test("enclosures carry the real size of their file", () => {
    for (const [file, slug] of [["en/feed.xml", "moving-off-big-tech"], ["en/events/feed.xml", "repair-cafe"]] as const) {
      const item = rssItems(file).find((i) => text(i.link).includes(slug))!;
      const enclosure = item.enclosure[0];
      const url = new URL(enclosure["@url"]);
      const length = Number(enclosure["@length"]);
      assert.ok(length > 0, `${file}: length ${length}`);
      assert.equal(length, statSync(path.join(site.output, decodeURIComponent(url.pathname))).size);
    }
  });

  test("images in feed content point to their widest file", () => {
    const item = rssItems("en/feed.xml").find((i) => text(i.link).endsWith(ENGLISH_ONLY))!;
    const img = parse(text(item["content:encoded"])).querySelector("img")!;
    const widths = img.getAttribute("srcset")!.split(/,\s+/).map((c) => Number(/(\d+)w$/.exec(c)![1]));
    assert.ok(widths.length > 1);
    assert.match(img.getAttribute("src")!, new RegExp(`-${Math.max(...widths)}\\.`));
  });

  test("the 'add to calendar' lines of an event page are left out of the search index", () => {
    const actions = page("/events/2025/repair-cafe/").querySelector(".event-actions")!;
    assert.ok(actions.hasAttribute("data-pagefind-ignore"));
  });
});
