import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { translator } from "../i18n/strings.ts";
import { readStore, useKeptResultsPlace } from "../core/kept-results.ts";
import { agendaIcs, eventIcs, eventUid, saveKeptCalendars, type AgendaEntry, type CalendarContext } from "./ical.ts";
import { deriveRevision } from "./revision.ts";
import { validateEvent, type EventData } from "./schema.ts";
import { SITE_STRINGS as STRINGS } from "../../test/helpers/strings.ts";
import { BASE, makeEvent, parseIcs, SITE, tempRepo, utc, VENUE, ZONE } from "./test-helpers.ts";

const FR: CalendarContext = { ...SITE, language: "fr", locale: "fr-FR", buildTime: DateTime.fromISO("2025-01-10T08:00:00Z"), t: translator(STRINGS, "fr") };
const EN: CalendarContext = { ...FR, language: "en", locale: "en-GB", t: translator(STRINGS, "en") };

function entry(slug: string, event: EventData, sequence = 0): AgendaEntry {
  return { event, bundle: `content/events/2025/${slug}`, pageUrl: `${SITE.siteUrl}/events/2025/${slug}/`, revision: { sequence } };
}

/** The agenda parsed back, its events by the folder part of their UID. */
function parsedAgenda(entries: AgendaEntry[], ctx = FR) {
  const ics = agendaIcs(entries, ctx);
  const { calendar, events } = parseIcs(ics);
  const bySlug = new Map(events.map((e) => [e.uid.replace(/^events\/2025\/|@.*$/g, ""), e]));
  return { ics, calendar, bySlug, get: (slug: string) => bySlug.get(slug)! };
}

describe("iCalendar agenda parsed with ical.js", () => {
  const cases = {
    winter: [{ ...BASE }, "2025-01-18T13:00:00Z", "2025-01-18T17:00:00Z", "Europe/Paris"],
    summer: [{ ...BASE, start: "2025-06-21T18:30", end: "2025-06-21T22:00" }, "2025-06-21T16:30:00Z", "2025-06-21T20:00:00Z", "Europe/Paris"],
    montreal: [{ ...BASE, start: "2025-06-21T18:30", end: "2025-06-21T20:00", timezone: "America/Montreal" }, "2025-06-21T22:30:00Z", "2025-06-22T00:00:00Z", "America/Montreal"],
    "montreal-winter": [{ ...BASE, start: "2025-01-18T10:00", end: "2025-01-18T12:00", timezone: "America/Montreal" }, "2025-01-18T15:00:00Z", "2025-01-18T17:00:00Z", "America/Montreal"],
    "dst-night": [{ ...BASE, start: "2025-10-25T20:00", end: "2025-10-26T10:00" }, "2025-10-25T18:00:00Z", "2025-10-26T09:00:00Z", "Europe/Paris"],
    kolkata: [{ ...BASE, start: "2025-03-12T18:30", end: "2025-03-12T20:00", timezone: "Asia/Kolkata" }, "2025-03-12T13:00:00Z", "2025-03-12T14:30:00Z", "Asia/Kolkata"],
  } as const;

  it("gives each event the start and end instants its front matter means, with TZID and VTIMEZONE", () => {
    const entries = Object.entries(cases).map(([slug, [fm]]) => entry(slug, makeEvent(fm)));
    const agenda = parsedAgenda(entries);
    for (const [slug, [, start, end, zone]] of Object.entries(cases)) {
      const event = agenda.get(slug);
      assert.equal(utc(event.startDate), start, `${slug} start`);
      assert.equal(utc(event.endDate), end, `${slug} end`);
      assert.equal(event.startDate.zone?.tzid, zone, `${slug} uses the embedded VTIMEZONE`);
    }
    const zones = agenda.calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    assert.deepEqual(zones.sort(), ["America/Montreal", "Asia/Kolkata", "Europe/Paris"]);
    // And the instants are those the schema gave the layouts.
    for (const e of entries) assert.equal(agenda.get(e.bundle.split("/").at(-1)!).startDate.toJSDate().getTime(), e.event.start.toMillis());
  });

  it("writes all-day events as DATE values, the end being the day after the last", () => {
    const agenda = parsedAgenda([entry("festival", makeEvent({ ...BASE, start: "2025-09-20", end: "2025-09-21" })), entry("one-day", makeEvent({ ...BASE, start: "2025-03-29", end: undefined }))]);
    assert.match(agenda.ics, /DTSTART;VALUE=DATE:20250920\r\nDTEND;VALUE=DATE:20250922\r\n/);
    const festival = agenda.get("festival");
    assert.equal(festival.startDate.isDate, true);
    assert.equal(festival.startDate.toString(), "2025-09-20");
    assert.equal(festival.endDate.toString(), "2025-09-22");
    assert.equal(agenda.get("one-day").endDate.toString(), "2025-03-30");
  });

  it("writes UTC events with Z and no VTIMEZONE", () => {
    const agenda = parsedAgenda([entry("utc", makeEvent({ ...BASE, timezone: "UTC" }))]);
    assert.match(agenda.ics, /DTSTART:20250118T140000Z\r\n/);
    assert.equal(agenda.calendar.getAllSubcomponents("vtimezone").length, 0);
    assert.equal(utc(agenda.get("utc").startDate), "2025-01-18T14:00:00Z");
  });

  it("marks cancelled, postponed and rescheduled events; a postponed one keeps no live date", () => {
    const agenda = parsedAgenda([
      entry("cancelled", makeEvent({ ...BASE, status: "cancelled", summary: "Un atelier." })),
      entry("postponed", makeEvent({ ...BASE, status: "postponed" })),
      entry("rescheduled", makeEvent({ ...BASE, status: "rescheduled", previousStart: "2024-12-14T14:00" })),
      entry("scheduled", makeEvent(BASE)),
    ]);
    const status = (slug: string) => agenda.get(slug).component.getFirstPropertyValue("status");
    assert.deepEqual(["cancelled", "postponed", "rescheduled", "scheduled"].map(status), ["CANCELLED", "CANCELLED", "CONFIRMED", "CONFIRMED"]);
    const transp = (slug: string) => agenda.get(slug).component.getFirstPropertyValue("transp") ?? "OPAQUE";
    assert.deepEqual(["cancelled", "postponed", "scheduled"].map(transp), ["TRANSPARENT", "TRANSPARENT", "OPAQUE"]);
    assert.match(agenda.get("postponed").summary, /^Reporté\s: Install party$/);
    assert.match(agenda.get("cancelled").summary, /^Annulé\s: Install party$/);
    assert.match(agenda.get("cancelled").description, /^Cet événement est annulé\.\n\nUn atelier\./);
    assert.match(agenda.get("postponed").description, /reporté/);
    assert.match(agenda.get("rescheduled").description, /d[’']abord prévu le 14 décembre 2024/);
  });

  it("keeps the UID of the bundle through a new title and date, the same in both languages", () => {
    const before = parsedAgenda([entry("install-party", makeEvent(BASE))]).get("install-party");
    const after = parsedAgenda([entry("install-party", makeEvent({ ...BASE, title: "Grande install party", start: "2025-02-01T14:00", end: "2025-02-01T18:00" }))]).get("install-party");
    const english = parsedAgenda([entry("install-party", makeEvent({ ...BASE, title: "Install party (EN)" }))], EN).get("install-party");
    assert.equal(before.uid, "events/2025/install-party@www.chatons-loire.example");
    assert.equal(after.uid, before.uid);
    assert.equal(english.uid, before.uid);
    assert.equal(eventUid("content/events/2025/install-party/index.en.md", SITE.siteUrl), before.uid);
  });

  it("derives a SEQUENCE that grows with each change, and a DTSTAMP from the last one", () => {
    const repo = tempRepo();
    const bundle = "content/events/2025/install-party";
    const ics = (lang: "fr" | "en") => {
      const file = path.join(repo.root, bundle, `index.${lang}.md`);
      const frontMatter = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      const { event } = validateEvent(frontMatter, file, { zone: ZONE });
      const text = eventIcs(event!, { ...(lang === "fr" ? FR : EN), bundle, pageUrl: `${SITE.siteUrl}/events/2025/install-party/`, revision: deriveRevision(bundle, repo.root) });
      return parseIcs(text).events[0]!;
    };
    repo.write(`${bundle}/index.fr.md`, JSON.stringify(BASE));
    repo.commit("Annonce", "2025-01-02T10:00:00Z");
    const first = ics("fr");
    assert.equal(first.sequence, 1);
    assert.equal(first.component.getFirstPropertyValue("dtstamp")?.toString(), "2025-01-02T10:00:00Z");

    repo.write(`${bundle}/index.fr.md`, JSON.stringify({ ...BASE, title: "Install party d'hiver", end: "2025-01-18T19:00" }));
    repo.commit("Plus tard", "2025-01-04T10:00:00Z");
    const second = ics("fr");
    assert.equal(second.sequence, 2);
    assert.equal(second.uid, first.uid);

    repo.write(`${bundle}/index.en.md`, JSON.stringify({ ...BASE, title: "Winter install party" }));
    repo.commit("English", "2025-01-05T10:00:00Z");
    assert.deepEqual([ics("fr").sequence, ics("en").sequence], [3, 3]);
  });

  it("uses the build time as DTSTAMP, in UTC, when git cannot tell", () => {
    const { ics } = parsedAgenda([{ ...entry("x", makeEvent(BASE)), revision: { sequence: 0 } }]);
    assert.match(ics, /\r\nDTSTAMP:20250110T080000Z\r\n/);
    assert.doesNotMatch(ics, /LAST-MODIFIED/);
  });

  it("ends every line with CRLF and folds at 75 octets without splitting a character", () => {
    const title = "Journée « Libérons nos données » : atelier d'auto-hébergement 🐱, découverte de Nextcloud, Mobilizon et PeerTube à la Médiathèque Jacques-Demy — entrée libre, café offert";
    const { ics, get } = parsedAgenda([entry("long", makeEvent({ ...BASE, title, summary: `${title}. `.repeat(3) }))]);
    assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
    assert.doesNotMatch(ics.replace(/\r\n/g, ""), /[\r\n]/, "no bare CR or LF");
    const lines = ics.slice(0, -2).split("\r\n");
    for (const line of lines) assert.ok(Buffer.byteLength(line, "utf8") <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
    assert.ok(lines.filter((l) => l.startsWith(" ")).length > 4, "long lines were folded");
    assert.ok(lines.every((l) => !/^[\udc00-\udfff]|^ [\udc00-\udfff]|[\ud800-\udbff]$/.test(l)), "no emoji cut in two");
    assert.equal(get("long").summary, title);
  });

  it("writes a plain-text DESCRIPTION, LOCATION, URL and CATEGORIES", () => {
    const event = makeEvent({
      ...BASE,
      summary: "Venez **installer** un système libre ; apportez votre <em>ordinateur</em> & [vos questions](https://forum.example/q).",
      online: "https://visio.example/ag",
      registration: { url: "mailto:contact@chatons-loire.example", deadline: "2025-01-15" },
      tags: ["atelier", "linux"],
    });
    const e = parsedAgenda([entry("install-party", event)]).get("install-party");
    assert.equal(
      e.description.replace(/\u00a0:/g, " :"),
      "Venez installer un système libre ; apportez votre ordinateur & vos questions (https://forum.example/q).\n\nEn ligne : https://visio.example/ag\n\n" +
        "Inscription avant le 15 janvier 2025 : contact@chatons-loire.example\n\nhttps://www.chatons-loire.example/events/2025/install-party/",
    );
    assert.equal(e.location, `${VENUE.name}, ${VENUE.address}, ${VENUE.city}`);
    assert.equal(e.component.getFirstPropertyValue("url"), "https://www.chatons-loire.example/events/2025/install-party/");
    assert.deepEqual(e.component.getFirstProperty("categories")?.getValues(), ["atelier", "linux"]);
    const online = parsedAgenda([entry("visio", makeEvent({ ...BASE, venue: undefined, online: "https://visio.example/ag" }))]).get("visio");
    assert.equal(online.location, "https://visio.example/ag");
  });

  it("names the calendar, escaping its commas, and asks clients to refresh daily", () => {
    const { ics, calendar } = parsedAgenda([entry("x", makeEvent(BASE))], { ...FR, name: "Agenda, Les Chatons", source: `${SITE.siteUrl}/agenda.ics` });
    // ical.js keeps X- properties raw; read it as the TEXT it is, as Apple and Google do.
    const raw = calendar.getFirstPropertyValue("x-wr-calname") as string;
    assert.equal(ICAL.design.icalendar.value.text!.fromICAL!(raw), "Agenda, Les Chatons");
    assert.match(ics, /\r\nNAME:Agenda\\, Les Chatons\r\n/);
    assert.equal(calendar.getFirstPropertyValue("refresh-interval")?.toString(), "P1D");
    assert.equal(calendar.getFirstPropertyValue("prodid"), "-//www.chatons-loire.example//Agenda//FR");
  });

  it("writes one event's file with its page as the calendar URL", () => {
    const ics = eventIcs(makeEvent(BASE), { ...EN, bundle: "content/events/2025/install-party", pageUrl: `${SITE.siteUrl}/en/events/2025/install-party/` });
    const { calendar, events } = parseIcs(ics);
    assert.equal(events.length, 1);
    assert.equal(calendar.getFirstPropertyValue("url"), `${SITE.siteUrl}/en/events/2025/install-party/`);
    assert.equal(calendar.getFirstPropertyValue("version"), "2.0");
  });
});

describe("calendars kept between builds", () => {
  it("gives each calendar the text it would be computed with, whatever changed, and keeps them for the next build", () => {
    const party = entry("install-party", makeEvent(BASE));
    const variants: [string, () => string][] = [
      ["the agenda", () => agendaIcs([party], FR)],
      ["a new title", () => agendaIcs([entry("install-party", makeEvent({ ...BASE, title: "Install party d'hiver" }))], FR)],
      ["a new date", () => agendaIcs([entry("install-party", makeEvent({ ...BASE, start: "2025-01-25T14:00", end: "2025-01-25T18:00" }))], FR)],
      ["another zone, the same wall clock", () => agendaIcs([entry("install-party", makeEvent({ ...BASE, timezone: "America/Montreal" }))], FR)],
      ["cancelled", () => agendaIcs([entry("install-party", makeEvent({ ...BASE, status: "cancelled" }))], FR)],
      ["one more commit (SEQUENCE)", () => agendaIcs([entry("install-party", makeEvent(BASE), 1)], FR)],
      ["a last change from git (DTSTAMP)", () => agendaIcs([{ ...party, revision: { sequence: 0, lastChange: DateTime.fromISO("2025-01-05T10:00:00Z") } }], FR)],
      ["another build time", () => agendaIcs([party], { ...FR, buildTime: DateTime.fromISO("2025-01-11T08:00:00Z") })],
      ["English", () => agendaIcs([party], EN)],
      ["one more event", () => agendaIcs([party, entry("atelier", makeEvent({ ...BASE, title: "Atelier" }))], FR)],
      ["the event's own file", () => eventIcs(party.event, { ...FR, ...party })],
    ];
    // Computed with nothing kept (npm start, the tests)…
    const fresh = variants.map(([, make]) => make());
    assert.equal(new Set(fresh).size, variants.length, "each change shows in the calendar");
    const dir = mkdtempSync(path.join(tmpdir(), "calendars-kept-"));
    useKeptResultsPlace({ dir, code: "test" });
    try {
      // …and by a build that keeps them, each after the agenda as it was: one
      // whose change the key missed would be given the agenda's text.
      for (const [i, [what, make]] of variants.entries()) assert.equal(make(), fresh[i], what);
      saveKeptCalendars();
      assert.deepEqual([...readStore(path.join(dir, "calendars.json")).entries.values()].sort(), [...fresh].sort());
    } finally {
      useKeptResultsPlace(undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
