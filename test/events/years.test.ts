/**
 * The page of each year of the event folders (/events/2025/), where an event's
 * address leads without its last part, and the agenda's past years: the last two
 * in full, each linked to its page, the older ones as links (fixture events-series).
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { page, text } from "./helpers.ts";

let july: BuiltSite;
before(async () => {
  july = await buildSite({ fixture: "events-series", now: "2027-07-01T12:00:00+02:00" });
});

const titles = (url: string) => page(july, url).querySelectorAll(".event-card-title a").map((a) => text(a));
const nav = (url: string) => page(july, url).querySelectorAll(".archive-nav a").map((a) => [text(a), a.getAttribute("href"), a.getAttribute("aria-current") ?? ""]);

describe("the page of a year of the agenda", () => {
  test("lists the events of that year's folder, soonest first, in each language", () => {
    assert.deepEqual(titles("/events/2027/"), ["Permanence", "Atelier du mardi", "Repair café", "Assemblée générale"]);
    assert.equal(text(page(july, "/events/2027/").querySelector("h1")), "Rendez-vous de 2027");
    assert.equal(text(page(july, "/events/2027/").querySelector(".lead")), "4 rendez-vous en 2027.");
    assert.deepEqual(titles("/en/events/2027/"), ["Drop-in", "Atelier du mardi", "Repair café", "General meeting"]);
    assert.equal(text(page(july, "/en/events/2024/").querySelector(".lead")), "One event in 2024.");
    assert.deepEqual(titles("/events/2024/"), ["Assemblée générale 2024"]);
  });

  test("links every year, its own marked as the current page, and the whole agenda", () => {
    assert.deepEqual(nav("/events/2025/"), [
      ["2027", "/events/2027/", ""],
      ["2025", "/events/2025/", "page"],
      ["2024", "/events/2024/", ""],
      ["Tout l’agenda", "/events/", ""],
    ]);
    assert.deepEqual(nav("/en/events/2027/")[0], ["2027", "/en/events/2027/", "page"]);
  });

  test("is its translation's pair, and in the sitemap", () => {
    const links = page(july, "/events/2025/").querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]);
    assert.ok(links.some(([lang, href]) => lang === "en" && href?.endsWith("/en/events/2025/")), JSON.stringify(links));
    assert.match(july.read("sitemap.xml"), /\/en\/events\/2024\//);
  });
});

describe("the agenda's past events", () => {
  test("show the last two years in full, each heading linked to its year's page, and the older years as links", () => {
    const agenda = page(july, "/events/");
    assert.deepEqual(
      agenda.querySelectorAll("#past ~ section h3").map((h) => [text(h), h.querySelector("a")?.getAttribute("href")]),
      [
        ["2027", "/events/2027/"],
        ["2025", "/events/2025/"],
      ],
    );
    assert.equal(agenda.querySelectorAll(".event-card-title a").some((a) => text(a) === "Assemblée générale 2024"), false);
    assert.deepEqual(nav("/events/"), [["2024", "/events/2024/", ""]]);
    assert.match(text(agenda.querySelector(".archive-nav")), /^Années précédentes : 2024$/);
  });
});
