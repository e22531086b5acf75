import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { eventEndsAt, splitAgenda } from "./agenda.ts";
import { BASE, makeEvent } from "./test-helpers.ts";

// The build runs on 2025-06-21 at 15:00 in Paris.
const NOW = DateTime.fromISO("2025-06-21T15:00", { zone: "Europe/Paris" });

const at = (title: string, start: string, end?: string, extra: Record<string, unknown> = {}) => makeEvent({ ...BASE, title, start, end, ...extra });

const EVENTS = [
  at("AG 2024", "2024-03-09T14:00", "2024-03-09T18:00"),
  at("Install party d'hiver", "2025-01-18T14:00", "2025-01-18T18:00"),
  at("Atelier annulé", "2025-02-08T10:00", "2025-02-08T12:00", { status: "cancelled" }),
  at("Fête de la musique libre", "2025-06-21", undefined),
  at("Atelier de ce matin", "2025-06-21T09:00", "2025-06-21T12:00"),
  at("Permanence en cours", "2025-06-21T14:00", "2025-06-21T16:00"),
  at("Apéro sans fin annoncée", "2025-06-21T11:00", undefined),
  at("Festival", "2025-09-20", "2025-09-21"),
  at("Reporté", "2025-07-05T14:00", "2025-07-05T18:00", { status: "postponed" }),
  at("AG 2026", "2026-03-14T14:00", "2026-03-14T18:00"),
];

describe("agenda: upcoming and past for a given now", () => {
  const agenda = splitAgenda(EVENTS, NOW);

  it("lists upcoming events soonest first, including those still under way", () => {
    assert.deepEqual(
      agenda.upcoming.map((e) => e.title),
      ["Fête de la musique libre", "Apéro sans fin annoncée", "Permanence en cours", "Reporté", "Festival", "AG 2026"],
    );
  });

  it("groups past events by year, newest first, cancelled ones included", () => {
    assert.deepEqual(
      agenda.pastByYear.map(({ year, events }) => [year, events.map((e) => e.title)]),
      [
        [2025, ["Atelier de ce matin", "Atelier annulé", "Install party d'hiver"]],
        [2024, ["AG 2024"]],
      ],
    );
  });

  it("keeps an all-day event upcoming until the end of its last day, in its zone", () => {
    const festival = EVENTS.find((e) => e.title === "Festival")!;
    assert.equal(eventEndsAt(festival).toISO(), "2025-09-21T23:59:59.999+02:00");
    const lastMinute = DateTime.fromISO("2025-09-21T23:59", { zone: "Europe/Paris" });
    assert.equal(splitAgenda([festival], lastMinute).upcoming.length, 1);
    assert.equal(splitAgenda([festival], lastMinute.plus({ minutes: 1 })).pastByYear[0]?.year, 2025);
  });

  it("moves an event to the past the moment it ends, whatever the zone of now", () => {
    const permanence = EVENTS.find((e) => e.title === "Permanence en cours")!;
    assert.equal(splitAgenda([permanence], new Date("2025-06-21T13:59:59Z")).upcoming.length, 1);
    assert.equal(splitAgenda([permanence], new Date("2025-06-21T14:00:00Z")).upcoming.length, 0);
  });

  it("returns the caller's items, read through an accessor", () => {
    const items = EVENTS.map((event, i) => ({ url: `/events/${i}/`, data: event }));
    const split = splitAgenda(items, NOW, (item) => item.data);
    assert.equal(split.upcoming[0]?.url, "/events/3/");
  });
});
