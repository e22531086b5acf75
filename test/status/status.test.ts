/**
 * Status notices (fixture status-site, built on 3 March 2027 at noon): the status
 * page's services and lists, a notice's page, the home page's announcements, the
 * feeds members follow, and a later build where everything is over.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { page, text } from "../events/helpers.ts";
import { checkAtom, checkJsonFeed, checkRss, relativeUrls } from "../feeds/feed-checks.ts";

let january: BuiltSite;
let march: BuiltSite;
let july: BuiltSite;
before(async () => {
  january = await buildSite({ fixture: "status-site", now: "2027-01-25T12:00:00+01:00" });
  march = await buildSite({ fixture: "status-site", now: "2027-03-03T12:00:00+01:00" });
  july = await buildSite({ fixture: "status-site", now: "2027-07-01T12:00:00+02:00" });
});

const cards = (site: BuiltSite, url: string, section: string) =>
  page(site, url)
    .querySelectorAll(`section[aria-labelledby="${section}"] .status-card`)
    .map((card) => [text(card.querySelector(".status-card-badges")), text(card.querySelector(".status-card-title")), text(card.querySelector(".meta"))]);

describe("the status page", () => {
  test("answers first: every service working, or the incident going on and what it stops", () => {
    assert.equal(text(page(january, "/status/").querySelector(".status-summary")), "Tous les services fonctionnent normalement.");
    assert.equal(text(page(january, "/en/status/").querySelector(".status-summary")), "All services are working normally.");
    const summary = page(march, "/status/").querySelector(".status-summary")!;
    assert.equal(text(summary), "Incident en cours : Visioconférence.");
    assert.equal(summary.querySelector("a")?.getAttribute("href"), "/status/2027-03-02-panne-visio/");
    assert.equal(text(page(march, "/en/status/").querySelector(".status-summary")), "Incident in progress: Video calls.");
  });

  test("says when it was built, and each service's state with its next planned work", () => {
    const status = page(march, "/status/");
    assert.equal(text(status.querySelector("h1")), "État des services");
    assert.match(text(status.querySelector(".status-as-of")), /^État au mercredi 3 mars 2027 à 12 h\. Cette page est mise à jour à chaque publication du site/);
    const rows = Object.fromEntries(status.querySelectorAll(".status-service").map((row) => [text(row.querySelector(".status-service-name")), text(row.querySelector(".status-service-state")) + (row.querySelector(".status-service-next") ? ` | ${text(row.querySelector(".status-service-next"))}` : "")]));
    assert.equal(rows["Visioconférence"], "Incident en cours");
    assert.equal(rows["Messagerie"], "Fonctionne normalement | Maintenance prévue le vendredi 5 mars 2027, 20 h – 22 h");
    assert.equal(rows["Sondages et dates"], "Fonctionne normalement | Maintenance prévue le samedi 10 avril 2027, 9 h – 11 h 30");
    assert.equal(rows["Vidéos"], "Fonctionne normalement");
    assert.equal(status.querySelector(".status-service-incident .status-service-state a")?.getAttribute("href"), "/status/2027-03-02-panne-visio/");
  });

  test("lists what is going on, what is planned (soonest first) and the history", () => {
    assert.deepEqual(cards(march, "/status/", "status-now"), [["Incident En cours", "La visioconférence ne répond plus", "Depuis le mardi 2 mars 2027 à 14 h 10 · Concerne : Visioconférence"]]);
    assert.deepEqual(cards(march, "/status/", "status-upcoming"), [
      ["Maintenance Prévue", "Mise à jour du serveur de messagerie", "vendredi 5 mars 2027, 20 h – 22 h · Concerne : Messagerie, Fichiers et agendas"],
      ["Maintenance Prévue", "Migration des sondages", "samedi 10 avril 2027, 9 h – 11 h 30 · Concerne : Sondages et dates"],
    ]);
    assert.deepEqual(cards(march, "/status/", "status-past"), [["Incident Résolu", "Coupure de la messagerie", "mercredi 20 janvier 2027, 8 h 15 – 10 h · Concerne : Messagerie"]]);
  });

  test("speaks English under /en/, an untranslated notice marked with its language", () => {
    const upcoming = cards(march, "/en/status/", "status-upcoming");
    assert.deepEqual(upcoming[0], ["Maintenance Planned", "Updating the mail server", "Friday, 5 March 2027, 20:00–22:00 · Affects: E-mail, Files and calendars"]);
    assert.equal(upcoming[1]![1], "Migration des sondages (in French)");
    assert.deepEqual(cards(march, "/en/status/", "status-now")[0]!.slice(0, 1), ["Incident Ongoing"]);
    assert.match(text(page(march, "/en/status/").querySelector(".status-as-of")), /^Status as of Wednesday, 3 March 2027 at 12:00\./);
  });

  test("announces its feeds, which hold every notice, and no other page's head does", () => {
    const heads = (url: string) => page(march, url).querySelectorAll('link[rel="alternate"][type="application/atom+xml"]').map((l) => l.getAttribute("href"));
    assert.ok(heads("/status/").includes("/status/atom.xml"), heads("/status/").join(" "));
    assert.ok(heads("/status/2027-03-02-panne-visio/").includes("/status/atom.xml"));
    assert.ok(!heads("/").some((href) => href?.includes("/status/")), heads("/").join(" "));
    assert.deepEqual(page(march, "/status/").querySelectorAll(".status-subscribe a").map((a) => text(a)), ["RSS", "Atom", "JSON Feed"]);
  });
});

describe("the status feeds", () => {
  test("are valid, titled by kind, and open each entry with what, which services and when", () => {
    const rss = march.read("status/feed.xml");
    assert.deepEqual(checkRss(rss), []);
    assert.deepEqual(checkAtom(march.read("status/atom.xml")), []);
    assert.deepEqual(checkJsonFeed(march.read("status/feed.json")), []);
    const feed = parseFeed(rss);
    assert.deepEqual(feed.items.map((i) => i.title?.replace(/\u00a0/g, " ")).sort(), ["Incident : Coupure de la messagerie", "Incident : La visioconférence ne répond plus", "Maintenance : Migration des sondages", "Maintenance : Mise à jour du serveur de messagerie"]);
    const visio = feed.items.find((i) => i.title?.includes("visioconférence"))!;
    assert.match(visio.content ?? "", /^<p><strong>Incident<\/strong><br>Concerne\s: Visioconférence<br>Depuis le mardi 2 mars 2027 à 14\sh\s10<\/p>/);
    assert.deepEqual(relativeUrls(visio.content ?? ""), []);
    const english = parseFeed(march.read("en/status/feed.xml"));
    assert.ok(english.items.some((i) => i.title === "Maintenance: Updating the mail server"), english.items.map((i) => i.title).join(" | "));
  });
});

describe("a notice's page", () => {
  test("says what, where it stands, when and which services, each linked to its page", () => {
    const notice = page(march, "/status/2027-03-05-maintenance-messagerie/");
    assert.equal(text(notice.querySelector("title")), "Maintenance : Mise à jour du serveur de messagerie");
    assert.equal(text(notice.querySelector(".status-card-badges")), "Maintenance Prévue");
    assert.deepEqual(notice.querySelectorAll(".status-facts dd").map((dd) => text(dd)), ["vendredi 5 mars 2027, 20 h – 22 h", "Messagerie, Fichiers et agendas"]);
    assert.deepEqual(notice.querySelectorAll(".status-facts dd a").map((a) => a.getAttribute("href")), ["https://webmail.chatons-loire.example/", "https://cloud.chatons-loire.example/"]);
    assert.equal(notice.querySelector(".status-back a")?.getAttribute("href"), "/status/");
    assert.equal(text(page(july, "/status/2027-03-05-maintenance-messagerie/").querySelector(".status-card-badges")), "Maintenance Terminée");
  });
});

describe("the home page", () => {
  test("announces, before anything else, what is going on and the maintenance within a week", () => {
    const home = page(march, "/");
    const first = home.querySelector("main")!.childNodes.find((n) => n.nodeType === 1);
    assert.equal((first as { getAttribute?: (n: string) => string | undefined }).getAttribute?.("class"), "status-announcements");
    assert.deepEqual(
      home.querySelectorAll(".status-announcement").map((a) => text(a.querySelector(".status-announcement-title"))),
      ["La visioconférence ne répond plus", "Mise à jour du serveur de messagerie"],
    );
    assert.ok(home.querySelector('link[href="/assets/status.css"]'));
    assert.equal(home.querySelector(".status-announcements-more a")?.getAttribute("href"), "/status/");
  });

  test("announces nothing once everything is over, and every page's footer leads to the status page", () => {
    const home = page(july, "/en/");
    assert.equal(home.querySelector(".status-announcements"), null);
    assert.equal(home.querySelector('link[href="/assets/status.css"]'), null);
    assert.ok(home.querySelectorAll(".site-footer a").some((a) => a.getAttribute("href") === "/en/status/" && text(a) === "Service status"));
    // The incident never got an end: it stays in progress, as its writer said, until they add one.
    assert.deepEqual(cards(july, "/status/", "status-now").map((c) => c[1]), ["La visioconférence ne répond plus"]);
    assert.match(july.read("sitemap.xml"), /\/en\/status\/2027-03-02-panne-visio\//);
  });
});
