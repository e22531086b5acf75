import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateEvent } from "./schema.ts";
import { BASE, FILE, makeEvent, VENUE, ZONE } from "./test-helpers.ts";

function problemsOf(frontMatter: unknown) {
  return validateEvent(frontMatter, FILE, { zone: ZONE }).problems;
}

/** The problem about `field`, asserting there is exactly one. */
function problemAt(frontMatter: unknown, field: string) {
  const found = problemsOf(frontMatter).filter((p) => p.field === field);
  assert.equal(found.length, 1, `one problem at ${field}, got ${JSON.stringify(problemsOf(frontMatter))}`);
  assert.equal(found[0]!.file, FILE);
  return found[0]!.message;
}

describe("event front matter", () => {
  it("gives layouts DateTimes in the site zone, with defaults filled in", () => {
    const event = makeEvent(BASE);
    assert.equal(event.start.toISO(), "2025-01-18T14:00:00.000+01:00");
    assert.equal(event.end?.toISO(), "2025-01-18T18:00:00.000+01:00");
    assert.equal(event.zone, ZONE);
    assert.equal(event.allDay, false);
    assert.equal(event.status, "scheduled");
    assert.equal(event.attendance, "offline");
    assert.deepEqual(event.tags, []);
    assert.equal(event.draft, false);
  });

  it("reads the wall clock in the event's own zone", () => {
    const event = makeEvent({ ...BASE, start: "2025-06-21T18:30", end: "2025-06-21T20:00", timezone: "America/Montreal" });
    assert.equal(event.zone, "America/Montreal");
    assert.equal(event.start.toUTC().toISO(), "2025-06-21T22:30:00.000Z");
  });

  it("makes a date alone an all-day event whose end is its last day", () => {
    const oneDay = makeEvent({ ...BASE, start: "2025-09-20", end: undefined });
    assert.deepEqual([oneDay.allDay, oneDay.start.toISODate(), oneDay.end?.toISODate()], [true, "2025-09-20", "2025-09-20"]);
    const weekend = makeEvent({ ...BASE, start: "2025-09-20", end: "2025-09-21" });
    assert.equal(weekend.end?.toISODate(), "2025-09-21");
  });

  it("derives the attendance mode and reads price, registration and organiser", () => {
    const event = makeEvent({
      ...BASE,
      online: "https://visio.chatons-loire.example/ag",
      price: "free",
      capacity: 30,
      registration: { url: "https://framaforms.org/ag", deadline: "2025-01-15" },
      organiser: "Framasoft",
      tags: "atelier",
    });
    assert.equal(event.attendance, "mixed");
    assert.equal(event.price, 0);
    assert.equal(event.registration?.deadline?.toISO(), "2025-01-15T23:59:59.999+01:00");
    assert.deepEqual(event.organiser, { name: "Framasoft", url: undefined });
    assert.deepEqual(event.tags, ["atelier"]);
    assert.equal(makeEvent({ ...BASE, venue: undefined, online: "https://x.example" }).attendance, "online");
    assert.equal(makeEvent({ ...BASE, price: 12.5 }).price, 12.5);
  });

  it("keeps the previous start of a rescheduled event", () => {
    const event = makeEvent({ ...BASE, status: "rescheduled", previousStart: "2024-12-14T14:00" });
    assert.equal(event.previousStart?.toISO(), "2024-12-14T14:00:00.000+01:00");
  });

  it("accepts a venue known by its name alone, an online link not known yet, and no end time (issue 14)", () => {
    const hall = makeEvent({ ...BASE, venue: { name: "Salle des fêtes de Rezé" }, end: undefined });
    assert.deepEqual(hall.venue, { name: "Salle des fêtes de Rezé" });
    assert.equal(hall.end, undefined);
    const later = makeEvent({ ...BASE, venue: undefined, attendance: "online" });
    assert.deepEqual([later.attendance, later.online], ["online", undefined]);
  });

  it("accepts credits, revisers, a source, a subtitle and a long title", () => {
    const title = "Pourquoi nous quittons les services des géants du web, et comment votre association peut le faire aussi en 2025";
    assert.ok(title.length >= 110);
    const event = makeEvent({
      ...BASE,
      title,
      subtitle: "Un atelier pour les bénévoles",
      revisers: "Camille",
      credits: [{ work: "Affiche", author: "Léa Martin", licence: "CC BY-SA 4.0", url: "https://example.org/affiche" }],
      source: { title: "Framablog", url: "https://framablog.org/" },
    });
    assert.deepEqual([event.title, event.revisers, event.credits?.[0]?.author, event.source?.title], [title, ["Camille"], "Léa Martin", "Framablog"]);
    assert.match(problemAt({ ...BASE, title: "x".repeat(201) }, "title"), /at most 200 characters/);
  });

  it("accepts the generic page fields", () => {
    const event = makeEvent({ ...BASE, draft: true, translators: ["Alex"], translationOf: "3f2a9c", slug: "install-party", aliases: ["/agenda/install/"], recap: "/blog/2025/install-party/" });
    assert.equal(event.draft, true);
  });
});

describe("event problems name the file and the field", () => {
  it("an end before the start", () => {
    assert.match(problemAt({ ...BASE, end: "2025-01-18T13:00" }, "end"), /after the start \(2025-01-18T14:00\), found 2025-01-18T13:00/);
    assert.match(problemAt({ ...BASE, start: "2025-09-21", end: "2025-09-20" }, "end"), /after the start/);
  });

  it("an end that is not of the same kind as the start", () => {
    assert.match(problemAt({ ...BASE, end: "2025-01-19" }, "end"), /date and time like start/);
  });

  it("neither venue nor online link", () => {
    assert.match(problemAt({ ...BASE, venue: undefined }, "venue"), /venue .* or an online link.*found neither/);
  });

  it("an unknown status, with the likely one", () => {
    const message = problemAt({ ...BASE, status: "canceled" }, "status");
    assert.match(message, /expected one of scheduled, cancelled, postponed, rescheduled, found "canceled" \(did you mean "cancelled"\?\)/);
  });

  it("an unknown zone, and a zone in the wrong case", () => {
    assert.match(problemAt({ ...BASE, timezone: "Europe/Nantes" }, "timezone"), /IANA time zone .* found "Europe\/Nantes"/);
    assert.match(problemAt({ ...BASE, timezone: "europe/paris" }, "timezone"), /did you mean "Europe\/Paris"/);
  });

  it("a nested field, with a dotted name", () => {
    assert.match(problemAt({ ...BASE, venue: { name: "Salle", city: "" } }, "venue.city"), /town or city, found ""/);
    assert.match(problemAt({ ...BASE, venue: { ...VENUE, adress: "x" } }, "venue.adress"), /unknown field: did you mean "address"/);
    // The fields of each group come from the schema itself: an optional group, a union's object.
    assert.match(problemAt({ ...BASE, registration: { url: "https://inscription.example", deadlin: "2025-03-01" } }, "registration.deadlin"), /did you mean "deadline"/);
    assert.match(problemAt({ ...BASE, organiser: { name: "Le Repair Café", ulr: "https://repair.example" } }, "organiser.ulr"), /did you mean "url"/);
  });

  it("unknown fields, so typos do not pass", () => {
    assert.match(problemAt({ ...BASE, tilte: "x" }, "tilte"), /did you mean "title"/);
    assert.match(problemAt({ ...BASE, allDay: true }, "allDay"), /date alone/);
  });

  it("dates that are not wall clocks, and times that do not exist", () => {
    assert.match(problemAt({ ...BASE, start: "18/01/2025 14h" }, "start"), /with an offset: .*found "18\/01\/2025 14h"/);
    assert.match(problemAt({ ...BASE, start: 20250118 }, "start"), /found 20250118/);
    assert.match(problemAt({ ...BASE, start: "2025-03-30T02:30", end: "2025-03-30T04:00" }, "start"), /exists in Europe\/Paris/);
    // An end written as a poster says it: the line to write takes the start's day.
    assert.match(problemAt({ ...BASE, start: "2025-01-18T14:00", end: "18h30" }, "end"), /found "18h30": a time needs its day: write 2025-01-18T18:30$/);
    assert.match(problemAt({ ...BASE, start: "2025-01-18T14:00", end: "2025-01-18T13:00" }, "end"), /expected an end after the start/);
  });

  it("coordinates out of range, or written as one text", () => {
    assert.equal(problemAt({ ...BASE, venue: { ...VENUE, geo: [147.2, -1.56] } }, "venue.geo"), "expected latitude (−90 to 90) and longitude (−180 to 180), such as [47.2126, -1.5614], found [147.2, -1.56]");
    assert.match(problemAt({ ...BASE, venue: { ...VENUE, geo: "47.2126, -1.5614" } }, "venue.geo"), /found "47\.2126, -1\.5614": write \[47\.2126, -1\.5614\]$/);
  });

  it("a rescheduled event without its previous start, and a banner without alt text", () => {
    assert.match(problemAt({ ...BASE, status: "rescheduled" }, "previousStart"), /required when status is rescheduled/);
    assert.match(problemAt({ ...BASE, previousStart: "2025-01-10T14:00" }, "previousStart"), /only with status: rescheduled/);
    assert.match(problemAt({ ...BASE, banner: "banniere.jpg" }, "bannerAlt"), /alternative text/);
  });

  it("prices, places, links and deadlines that cannot be right", () => {
    assert.match(problemAt({ ...BASE, price: "5 €" }, "price"), /price in euros .* found "5 €"/);
    assert.match(problemAt({ ...BASE, price: -2 }, "price"), /found -2/);
    assert.match(problemAt({ ...BASE, capacity: 2.5 }, "capacity"), /whole number/);
    assert.match(problemAt({ ...BASE, online: "visio.example" }, "online"), /https:\/\//);
    assert.match(problemAt({ ...BASE, attendance: "mixed", venue: undefined }, "venue"), /since attendance is mixed/);
    assert.match(problemAt({ ...BASE, registration: { url: "https://x.example", deadline: "2025-01-20" } }, "registration.deadline"), /before the event ends/);
  });

  it("every problem at once, so one build tells the writer everything", () => {
    const problems = problemsOf({ title: "", start: "2025-01-18T14:00", end: "2025-01-17T10:00", status: "done", capacity: 0, colour: "red" });
    assert.deepEqual(problems.map((p) => p.field).sort(), ["capacity", "colour", "end", "status", "title", "venue"]);
    assert.ok(problems.every((p) => p.file === FILE));
  });

  it("front matter that is not a mapping", () => {
    assert.match(problemsOf(null)[0]!.message, /expected front matter .* found an empty value/);
  });
});
