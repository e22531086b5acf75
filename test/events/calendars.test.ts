/**
 * Every .ics the events fixture builds, read back with ical.js (Thunderbird's parser):
 * the instants calendars will show, statuses, UIDs, one file per page and per agenda.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { DateTime } from "luxon";
import { parseIcs, utc } from "../../plugins/events/test-helpers.ts";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { frontMatter, page } from "./helpers.ts";

const FIXTURE = "events-site";
const SITE_ZONE = "Europe/Paris";
/** Bundles of the fixture; `festival` has no English file (its English page is an untranslated copy). */
const BUNDLES = ["2024/ag", "2025/hiver", "2025/ete", "2025/montreal", "2025/festival", "2025/annule", "2025/reporte", "2025/nuit", "2025/en-cours"];

let site: BuiltSite;
before(async () => {
  site = await buildSite({ fixture: FIXTURE, now: "2025-06-01T12:00:00+02:00" });
});

const langOf = (file: string) => (file.startsWith("en/") ? "en" : "fr");
const bundleOf = (uid: string) => uid.replace(/^events\//, "").replace(/@.*$/, "");
/** The events of one built .ics, by bundle. */
function calendar(file: string) {
  const { calendar, events } = parseIcs(site.read(file));
  return { calendar, events, get: (bundle: string) => events.find((e) => bundleOf(e.uid) === bundle)! };
}
/** Front matter of a page of the fixture; the French one for the untranslated copy. */
function writtenAs(bundle: string, lang: string) {
  try {
    return frontMatter(FIXTURE, bundle, lang);
  } catch {
    return frontMatter(FIXTURE, bundle, "fr");
  }
}

describe("iCalendar files of the events fixture", () => {
  test("there is one .ics per event page in each language, and one agenda per language", () => {
    const files = site.files.filter((f) => f.endsWith(".ics"));
    const expected = ["events/agenda.ics", "en/events/agenda.ics", ...BUNDLES.flatMap((b) => [`events/${b}/event.ics`, `en/events/${b}/event.ics`])];
    assert.deepEqual(files.sort(), expected.sort());
  });

  test("every event of every file starts and ends at the instants its front matter means in its zone", () => {
    let checked = 0;
    for (const file of site.files.filter((f) => f.endsWith(".ics"))) {
      for (const event of calendar(file).events) {
        const fm = writtenAs(bundleOf(event.uid), langOf(file));
        const zone = fm.timezone ?? SITE_ZONE;
        if (String(fm.start).includes("T")) {
          const instant = (wall: string) => DateTime.fromISO(wall, { zone }).toUTC().toISO({ suppressMilliseconds: true });
          assert.equal(utc(event.startDate), instant(fm.start), `${file} ${event.uid} start`);
          assert.equal(utc(event.endDate), instant(fm.end), `${file} ${event.uid} end`);
        } else {
          // All-day: DATE values, the end being the day after the last one (RFC 5545).
          assert.equal(event.startDate.isDate, true, `${file} ${event.uid} is all-day`);
          assert.equal(event.startDate.toString(), fm.start);
          assert.equal(event.endDate.toString(), DateTime.fromISO(fm.end).plus({ days: 1 }).toISODate());
        }
        checked++;
      }
    }
    // Each event in its own file and in its language's agenda, in both languages.
    assert.equal(checked, BUNDLES.length * 4);
  });

  test("winter, summer, Montréal and the night the clocks go back give the known UTC instants", () => {
    const agenda = calendar("events/agenda.ics");
    const at = (bundle: string) => [utc(agenda.get(bundle).startDate), utc(agenda.get(bundle).endDate)];
    assert.deepEqual(at("2025/hiver"), ["2025-01-18T13:00:00Z", "2025-01-18T17:00:00Z"]);
    assert.deepEqual(at("2025/ete"), ["2025-06-21T16:30:00Z", "2025-06-21T20:00:00Z"]);
    assert.deepEqual(at("2025/montreal"), ["2025-06-14T17:00:00Z", "2025-06-14T18:30:00Z"]);
    // 20:00 summer time (+02:00) to 07:00 winter time (+01:00): 12 hours, not 11.
    assert.deepEqual(at("2025/nuit"), ["2025-10-25T18:00:00Z", "2025-10-26T06:00:00Z"]);
    assert.equal(agenda.get("2025/montreal").startDate.zone?.tzid, "America/Montreal");
    assert.equal(agenda.get("2025/hiver").startDate.zone?.tzid, "Europe/Paris");
    const zones = agenda.calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    assert.deepEqual(zones.sort(), ["America/Montreal", "Europe/Paris"]);
    const festival = agenda.get("2025/festival");
    assert.deepEqual([festival.startDate.toString(), festival.endDate.toString()], ["2025-09-20", "2025-09-22"]);
  });

  test("cancelled events are CANCELLED and say so in their title, postponed ones too (their date will not hold), both free time", () => {
    for (const [file, cancelledTitle, postponedTitle] of [
      ["events/agenda.ics", "Annulé\u00a0: Atelier annulé", "Reporté\u00a0: Café reporté"],
      ["en/events/agenda.ics", "Cancelled: Cancelled workshop", "Postponed: Postponed café"],
    ] as const) {
      const agenda = calendar(file);
      const status = (bundle: string) => agenda.get(bundle).component.getFirstPropertyValue("status");
      assert.equal(status("2025/annule"), "CANCELLED");
      assert.equal(agenda.get("2025/annule").summary, cancelledTitle);
      assert.equal(status("2025/reporte"), "CANCELLED");
      for (const bundle of ["2025/annule", "2025/reporte"]) assert.equal(agenda.get(bundle).component.getFirstPropertyValue("transp"), "TRANSPARENT");
      assert.equal(agenda.get("2025/reporte").summary, postponedTitle);
      for (const bundle of ["2025/hiver", "2025/ete", "2025/festival"]) assert.equal(status(bundle), "CONFIRMED", `${file} ${bundle}`);
    }
  });

  test("an event has one UID in its own file and in the agenda, in both languages, texts in each file's language", () => {
    for (const bundle of BUNDLES) {
      const files = [`events/${bundle}/event.ics`, `en/events/${bundle}/event.ics`, "events/agenda.ics", "en/events/agenda.ics"];
      const uids = new Set(files.map((file) => calendar(file).get(bundle)?.uid));
      assert.deepEqual([...uids], [`events/${bundle}@www.chatons-loire.example`], bundle);
    }
    assert.equal(calendar("events/2025/hiver/event.ics").get("2025/hiver").summary, "Install party d'hiver");
    assert.equal(calendar("en/events/2025/hiver/event.ics").get("2025/hiver").summary, "Winter install party");
    assert.match(calendar("en/events/2025/hiver/event.ics").get("2025/hiver").description, /https:\/\/www\.chatons-loire\.example\/en\/events\/2025\/hiver\/$/);
    // The untranslated copy keeps the French title; its file is still the English page's.
    assert.equal(calendar("en/events/agenda.ics").get("2025/festival").summary, "Festival du libre");
  });

  test("each event page that will happen links to its own .ics (a cancelled or postponed one does not), and the agenda page to the agenda's", () => {
    for (const prefix of ["", "/en"]) {
      for (const bundle of BUNDLES) {
        const ics = `${prefix}/events/${bundle}/event.ics`;
        // Subscribed calendars still get the change: the file is built for every event.
        assert.ok(site.exists(ics), `${ics} is built`);
        const href = page(site, `${prefix}/events/${bundle}/`).querySelector("a.event-ics")?.getAttribute("href");
        assert.equal(href, ["2025/annule", "2025/reporte"].includes(bundle) ? undefined : ics, bundle);
      }
      const agendaLink = page(site, `${prefix}/events/`).querySelector('a[type="text/calendar"]')?.getAttribute("href");
      assert.equal(agendaLink, `${prefix}/events/agenda.ics`);
    }
  });
});
