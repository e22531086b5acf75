/**
 * Events that repeat (fixture events-series), built before, during and after their
 * dates: the agenda sorts a series by its next date, the page lists the dates to
 * come, and the calendar files, expanded by ical.js as Thunderbird does, give the
 * very same dates, each at its wall-clock hour across the clock change.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parse, type HTMLElement } from "node-html-parser";
import { parseIcs, utc } from "../../plugins/events/test-helpers.ts";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { page, text } from "./helpers.ts";

const FIXTURE = "events-series";
const SERIES = ["2027/permanence", "2027/atelier", "2027/repair-cafe"];

let december: BuiltSite;
let february: BuiltSite;
let july: BuiltSite;
before(async () => {
  december = await buildSite({ fixture: FIXTURE, now: "2026-12-01T12:00:00+01:00" });
  february = await buildSite({ fixture: FIXTURE, now: "2027-02-10T12:00:00+01:00" });
  july = await buildSite({ fixture: FIXTURE, now: "2027-07-01T12:00:00+02:00" });
});

/** Every start a calendar client computes from a VEVENT (RRULE and EXDATE applied), as UTC instants or days. */
function starts(event: ReturnType<typeof parseIcs>["events"][number]): string[] {
  const iterator = event.iterator();
  const found: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) found.push(next.isDate ? next.toString() : utc(next));
  return found;
}

/** The starts of the one VEVENT of an event's .ics. */
function expanded(site: BuiltSite, file: string): string[] {
  const { events } = parseIcs(site.read(file));
  assert.equal(events.length, 1, `${file} holds one VEVENT: a series is one entry`);
  return starts(events[0]!);
}

/** The dates a page lists under "the dates to come", as their `datetime` attributes. */
function listed(site: BuiltSite, url: string): string[] {
  return page(site, url)
    .querySelectorAll(".event-dates time")
    .map((t) => t.getAttribute("datetime")!);
}

/** Titles of the agenda's cards under the heading of that id. */
function titles(site: BuiltSite, url: string, id: string): string[] {
  return (page(site, url).querySelector(`#${id}`)?.closest("section")?.querySelectorAll(".event-card-title a") ?? []).map((a) => text(a));
}

/** The lines a reader sees in an element: its text split at each <br>, whitespace collapsed (a list of dates left out). */
function lines(element: HTMLElement | null | undefined): string[] {
  const html = (element?.innerHTML ?? "").replace(/<details[^]*<\/details>/, "");
  return html.split(/<br\s*\/?>/).map((line) => text(parse(line)));
}

/** "When" on an event page, line by line, then the dates to come as listed. */
function whenOf(site: BuiltSite, url: string): { lines: string[]; toCome: string[] } {
  const dd = page(site, url).querySelector(".event-facts dd");
  const details = dd?.querySelector(".event-dates");
  return { lines: lines(dd), toCome: details ? [text(details.querySelector("summary")), ...details.querySelectorAll("li").map((li) => text(li))] : [] };
}

describe("a series in its calendar files", () => {
  test("a monthly series gives the first Saturdays at 10:00 Paris time, winter and summer, 8 May in place of the excepted 1 May", () => {
    for (const file of ["events/2027/permanence/event.ics", "en/events/2027/permanence/event.ics"]) {
      assert.deepEqual(expanded(december, file), ["2027-01-02T09:00:00Z", "2027-02-06T09:00:00Z", "2027-03-06T09:00:00Z", "2027-04-03T08:00:00Z", "2027-05-08T08:00:00Z", "2027-06-05T08:00:00Z"], file);
    }
  });

  test("every other Tuesday, and the last Sunday of the month all day, expand to the dates the rule means", () => {
    assert.deepEqual(expanded(december, "events/2027/atelier/event.ics"), ["2027-01-05T17:30:00Z", "2027-01-19T17:30:00Z", "2027-02-02T17:30:00Z", "2027-02-16T17:30:00Z"]);
    assert.deepEqual(expanded(december, "events/2027/repair-cafe/event.ics"), ["2027-01-31", "2027-02-28", "2027-03-28", "2027-04-25"]);
  });

  test("the agenda's calendar holds each series once, with the same dates as its own file", () => {
    const { events } = parseIcs(december.read("events/agenda.ics"));
    assert.equal(events.length, 6, "the four events of 2027 and the assemblies of 2024 and 2025");
    for (const bundle of SERIES) {
      const event = events.find((e) => e.uid.startsWith(`events/${bundle}@`))!;
      assert.deepEqual(starts(event), expanded(december, `events/${bundle}/event.ics`), bundle);
    }
  });
});

describe("a series' page", () => {
  test("before it starts, lists every date the calendar file gives, in both languages", () => {
    for (const prefix of ["", "/en"]) {
      for (const bundle of SERIES) {
        const url = `${prefix}/events/${bundle}/`;
        const dates = listed(december, url).map((d) => (d.includes("T") ? new Date(d).toISOString().replace(".000Z", "Z") : d));
        assert.deepEqual(dates, expanded(december, `${prefix.slice(1)}${prefix ? "/" : ""}events/${bundle}/event.ics`), url);
      }
    }
  });

  test("says how it repeats, the span of its dates, the one it skips and the next one", () => {
    assert.deepEqual(whenOf(february, "/events/2027/permanence/"), {
      lines: ["Le premier samedi de chaque mois, 10 h – 12 h", "2 janvier – 5 juin 2027, sauf le 1er mai 2027, et aussi le 8 mai 2027", "Prochaine date : samedi 6 mars 2027, 10 h – 12 h"],
      toCome: ["Les 4 dates à venir", "samedi 6 mars 2027, 10 h – 12 h", "samedi 3 avril 2027, 10 h – 12 h", "samedi 8 mai 2027, 10 h – 12 h", "samedi 5 juin 2027, 10 h – 12 h"],
    });
    const en = whenOf(february, "/en/events/2027/permanence/");
    assert.match(en.lines[0]!, /^The first Saturday of every month, 10:00\s?–\s?12:00$/);
    assert.deepEqual(en.lines.slice(1, 2), ["2 January – 5 June 2027, except 1 May 2027, also 8 May 2027"]);
    assert.match(en.lines[2]!, /^Next date: Saturday,? 6 March 2027, 10:00\s?–\s?12:00$/);
    assert.equal(en.toCome[0], "The 4 dates to come");
    assert.deepEqual(whenOf(february, "/events/2027/atelier/").lines, ["Un mardi sur deux, 18 h 30 – 20 h", "5 janvier – 16 février 2027", "Prochaine date : mardi 16 février 2027, 18 h 30 – 20 h"]);
    // Its last date is the only one to come: no list of one.
    assert.deepEqual(whenOf(february, "/events/2027/atelier/").toCome, []);
    const allDay = whenOf(february, "/en/events/2027/repair-cafe/");
    assert.deepEqual(allDay.lines.slice(0, 2), ["The last Sunday of every month", "31 January – 25 April 2027"]);
    assert.match(allDay.lines[2]!, /^Next date: Sunday,? 28 February 2027$/);
  });

  test("once over, gives its last date and no list of dates to come", () => {
    assert.deepEqual(whenOf(july, "/events/2027/permanence/").lines.at(-1), "Dernière date : samedi 5 juin 2027, 10 h – 12 h");
    assert.deepEqual(whenOf(july, "/events/2027/permanence/").toCome, []);
  });

  test("describes the series to search engines as a schema.org Schedule", () => {
    const script = page(february, "/events/2027/permanence/").querySelector('script[type="application/ld+json"]');
    const { eventSchedule } = JSON.parse(script!.textContent) as { eventSchedule: Record<string, unknown> };
    assert.deepEqual(eventSchedule, {
      "@type": "Schedule",
      repeatFrequency: "P1M",
      byDay: "https://schema.org/Saturday",
      byMonthWeek: 1,
      startDate: "2027-01-02",
      endDate: "2027-06-30",
      startTime: "10:00:00",
      endTime: "12:00:00",
      scheduleTimezone: "Europe/Paris",
      exceptDate: ["2027-05-01"],
    });
  });
});

describe("series in the agenda", () => {
  test("are sorted by their next date among the other events, each card giving that date and the rule", () => {
    assert.deepEqual(titles(february, "/events/", "upcoming"), ["Atelier du mardi", "Repair café", "Permanence", "Assemblée générale"]);
    const card = page(february, "/events/").querySelectorAll(".event-card").find((c) => text(c.querySelector("a")) === "Permanence")!;
    assert.match(text(card.querySelector(".meta")), /^samedi 6 mars 2027, 10 h – 12 h · le premier samedi de chaque mois · Médiathèque Jacques-Demy, Nantes$/);
    assert.equal(card.querySelector("time")?.getAttribute("datetime"), "2027-03-06T10:00:00+01:00");
  });

  test("stay upcoming until their last date is over, then are past in the year of that date, by that date", () => {
    assert.deepEqual(titles(july, "/events/", "upcoming"), []);
    assert.deepEqual(titles(july, "/events/", "past-2027"), ["Permanence", "Repair café", "Assemblée générale", "Atelier du mardi"]);
  });

  test("the agenda feed's entry opens with the rule and the next date", () => {
    for (const file of ["events/feed.xml", "events/atom.xml"]) {
      const entry = parseFeed(february.read(file)).items.find((i) => i.title === "Permanence");
      const when = parse(entry?.content ?? "").querySelector("dd");
      assert.deepEqual(lines(when), ["Le premier samedi de chaque mois, 10 h – 12 h", "2 janvier – 5 juin 2027, sauf le 1er mai 2027, et aussi le 8 mai 2027", "Prochaine date : samedi 6 mars 2027, 10 h – 12 h"], file);
    }
  });
});

describe("an event whose places are all taken", () => {
  const fact = (site: BuiltSite, url: string, label: string) => text(page(site, url).querySelectorAll(".event-facts dt").find((d) => text(d) === label)?.nextElementSibling);
  const badges = (site: BuiltSite, url: string, title: string) =>
    page(site, url)
      .querySelectorAll(".event-card")
      .find((c) => text(c.querySelector(".event-card-title a")) === title)
      ?.querySelectorAll(".event-badge")
      .map((b) => text(b));

  test("says it is full instead of offering the registration link, on its page and in its calendar file", () => {
    assert.equal(fact(february, "/events/2027/ag/", "Inscription"), "Complet : toutes les places sont prises.");
    assert.equal(fact(february, "/en/events/2027/ag/", "Registration"), "Full: every place is taken.");
    assert.equal(page(february, "/events/2027/ag/").querySelector('a[href^="https://inscription."]'), null);
    const { events } = parseIcs(february.read("events/2027/ag/event.ics"));
    assert.match(events[0]!.description, /^Complet\u00a0: toutes les places sont prises\./);
    assert.doesNotMatch(events[0]!.description, /inscription\.chatons-loire/);
    const script = page(february, "/events/2027/ag/").querySelector('script[type="application/ld+json"]');
    assert.equal((JSON.parse(script!.textContent) as { offers: { availability: string } }).offers.availability, "https://schema.org/SoldOut");
  });

  test("is marked full where it is listed while it is to come, and no longer once over", () => {
    assert.deepEqual(badges(february, "/events/", "Assemblée générale"), ["Complet"]);
    assert.deepEqual(badges(february, "/en/events/", "General meeting"), ["Full"]);
    assert.deepEqual(badges(february, "/events/", "Permanence"), []);
    assert.deepEqual(badges(july, "/events/2027/", "Assemblée générale"), []);
  });
});

describe("a place given with its coordinates", () => {
  test("gets a map link on its page, GeoCoordinates in its JSON-LD and GEO in its calendar file", () => {
    const root = page(february, "/events/2027/permanence/");
    const link = root.querySelector(".event-map a");
    assert.equal(text(link), "Voir sur la carte (OpenStreetMap)");
    assert.equal(link?.getAttribute("href"), "https://www.openstreetmap.org/?mlat=47.2126&mlon=-1.5614#map=18/47.2126/-1.5614");
    const { location } = JSON.parse(root.querySelector('script[type="application/ld+json"]')!.textContent) as { location: { geo: unknown } };
    assert.deepEqual(location.geo, { "@type": "GeoCoordinates", latitude: 47.2126, longitude: -1.5614 });
    const { events } = parseIcs(february.read("en/events/2027/permanence/event.ics"));
    assert.deepEqual(events[0]!.component.getFirstPropertyValue("geo"), [47.2126, -1.5614]);
    assert.equal(events[0]!.location, "Médiathèque Jacques-Demy, Nantes");
    assert.equal(page(february, "/events/2027/atelier/").querySelector(".event-map"), null);
  });
});
