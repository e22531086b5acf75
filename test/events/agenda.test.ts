/**
 * The agenda pages and the home page's next events, for a build time fixed by the
 * test (SITE_NOW): what is upcoming, what is past, in which order, and how a
 * cancelled or postponed event is marked.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { HTMLElement } from "node-html-parser";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { page, text } from "./helpers.ts";

const FIXTURE = "events-site";

let june: BuiltSite;
let july: BuiltSite;
before(async () => {
  june = await buildSite({ fixture: FIXTURE, now: "2025-06-01T12:00:00+02:00" });
  // 12:00 in Paris: the cancelled workshop (10:00–12:00) has just ended.
  july = await buildSite({ fixture: FIXTURE, now: "2025-07-05T12:00:00+02:00" });
});

/** Titles of the event cards under the heading whose id is given (links' text, badges aside). */
function titles(root: HTMLElement, sectionId: string): string[] {
  const section = root.querySelector(`#${sectionId}`)?.closest("section");
  return (section?.querySelectorAll(".event-card-title a") ?? []).map((a) => text(a));
}

describe("the agenda page, built on 1 June 2025 at noon", () => {
  test("lists upcoming events soonest first, the one under way included", () => {
    assert.deepEqual(titles(page(june, "/events/"), "upcoming"), [
      "Permanence en cours",
      "Rencontre avec Montréal",
      "Atelier d'été",
      "Atelier annulé",
      "Festival du libre",
      "Nuit de migration",
    ]);
  });

  test("lists past events by year, newest year and newest event first", () => {
    const root = page(june, "/events/");
    assert.deepEqual(
      root.querySelectorAll("#past ~ section h3").map((h) => text(h)),
      ["2025", "2024"],
    );
    assert.deepEqual(titles(root, "past-2025"), ["Café reporté", "Install party d'hiver"]);
    assert.deepEqual(titles(root, "past-2024"), ["AG 2024"]);
  });

  test("marks cancelled and postponed events where they are listed", () => {
    const root = page(june, "/events/");
    const card = (title: string) => root.querySelectorAll(".event-card").find((li) => text(li.querySelector(".event-card-title a")) === title)!;
    assert.equal(text(card("Atelier annulé").querySelector(".event-badge")), "Annulé");
    assert.equal(text(card("Café reporté").querySelector(".event-badge")), "Reporté");
    assert.equal(card("Atelier d'été").querySelector(".event-badge"), null);
    const en = page(june, "/en/events/");
    assert.deepEqual(en.querySelectorAll(".event-badge").map((b) => text(b)), ["Cancelled", "Postponed"]);
  });

  test("the English agenda lists the untranslated event, marked as French", () => {
    const en = page(june, "/en/events/");
    assert.deepEqual(titles(en, "upcoming"), ["Drop-in session under way", "Meeting with Montréal", "Summer workshop", "Cancelled workshop", "Festival du libre", "Migration night"]);
    const festival = en.querySelectorAll(".event-card-title a").find((a) => text(a) === "Festival du libre")!;
    assert.equal(festival.getAttribute("lang"), "fr");
    assert.equal(festival.getAttribute("href"), "/en/events/2025/festival/");
    assert.match(text(festival.parentNode), /\(in French\)/);
  });

  test("dates are in the page's language, with the event's zone when it is not the site's", () => {
    const card = (root: HTMLElement, href: string) => text(root.querySelector(`a[href="${href}"]`)?.closest("li")?.querySelector(".meta"));
    assert.match(card(page(june, "/events/"), "/events/2025/ete/"), /^samedi 21 juin 2025, 18\sh\s30\s–\s22\sh · Médiathèque Jacques-Demy, Nantes$/);
    assert.match(card(page(june, "/en/events/"), "/en/events/2025/ete/"), /^Saturday, 21 June 2025, 18:30\s?–\s?22:00/);
    assert.match(card(page(june, "/events/"), "/events/2025/montreal/"), /13\sh\s–\s14\sh\s30 \(UTC−4\) · En ligne$/);
    assert.equal(page(june, "/events/").querySelector('a[href="/events/2025/ete/"]')?.closest("li")?.querySelector("time")?.getAttribute("datetime"), "2025-06-21T18:30:00+02:00");
  });

  test("the home page shows the next three events, then a link to the agenda", () => {
    const home = page(june, "/");
    assert.deepEqual(titles(home, "next-events"), ["Permanence en cours", "Rencontre avec Montréal", "Atelier d'été"]);
    assert.ok(home.querySelector('#next-events ~ p a[href="/events/"]'));
    assert.deepEqual(titles(page(june, "/en/"), "next-events"), ["Drop-in session under way", "Meeting with Montréal", "Summer workshop"]);
  });
});

describe("the same site built on 5 July 2025 at noon", () => {
  test("events that ended by then have moved to the past", () => {
    const root = page(july, "/events/");
    assert.deepEqual(titles(root, "upcoming"), ["Festival du libre", "Nuit de migration"]);
    assert.deepEqual(titles(root, "past-2025"), ["Atelier annulé", "Atelier d'été", "Rencontre avec Montréal", "Permanence en cours", "Café reporté", "Install party d'hiver"]);
    assert.deepEqual(titles(page(july, "/"), "next-events"), ["Festival du libre", "Nuit de migration"]);
  });
});
