import assert from "node:assert/strict";
import { describe, it, test } from "node:test";
import { checkZone, inZone, isoDateTime, parseWallClock, readWallClock, wallClockHint, type ZonedDate } from "./dates.ts";

function parsed(value: string, zone = "Europe/Paris"): ZonedDate {
  const result = parseWallClock(value, zone);
  assert.ok(!("error" in result), `${value} should parse`);
  return result;
}

test("a date without time is midnight in the site's zone, not UTC", () => {
  const { dateTime, hasTime } = parsed("2024-10-20");
  assert.equal(hasTime, false);
  assert.equal(isoDateTime(dateTime), "2024-10-20T00:00:00+02:00");
  assert.equal(dateTime.toUTC().toISO(), "2024-10-19T22:00:00.000Z");
});

test("offsets follow daylight saving time: +01:00 in winter, +02:00 in summer", () => {
  assert.equal(isoDateTime(parsed("2025-02-12T18:30").dateTime), "2025-02-12T18:30:00+01:00");
  assert.equal(isoDateTime(parsed("2025-07-12T18:30").dateTime), "2025-07-12T18:30:00+02:00");
  // The night of the autumn change: 02:30 happens twice, luxon takes the first (summer) one.
  assert.equal(isoDateTime(parsed("2025-10-26T01:30").dateTime), "2025-10-26T01:30:00+02:00");
  assert.equal(isoDateTime(parsed("2025-10-26T04:00").dateTime), "2025-10-26T04:00:00+01:00");
});

test("a time skipped by the spring change is an error, not a silent shift", () => {
  const result = parseWallClock("2025-03-30T02:30", "Europe/Paris");
  assert.ok("error" in result);
  assert.match(result.error, /does not exist/);
});

test("bad values are described", () => {
  const text = parseWallClock("12/03/2025", "Europe/Paris");
  assert.ok("error" in text && /2025-03-12/.test(text.error) && /12\/03\/2025/.test(text.error));
  const impossible = parseWallClock("2025-02-30", "Europe/Paris");
  assert.ok("error" in impossible);
  assert.ok("error" in parseWallClock(42, "Europe/Paris"));
});

describe("wall-clock dates", () => {
  it("reads a date alone as an all-day date and a date with time as a timed one", () => {
    assert.equal(readWallClock("2025-03-12")?.hasTime, false);
    const timed = readWallClock("2025-03-12T18:30");
    assert.deepEqual([timed?.hasTime, timed?.hour, timed?.minute], [true, 18, 30]);
    assert.equal(readWallClock("2025-03-12 18:30:15")?.second, 15);
  });

  it("reads an offset or a UTC mark after a time (issue 14: dates as other engines write them)", () => {
    assert.equal(readWallClock("2025-03-12T18:30+02:00")?.offset, 120);
    assert.equal(readWallClock("2025-03-12T18:30Z")?.offset, 0);
  });

  it("refuses impossible days and other shapes", () => {
    for (const text of ["2025-02-30", "2025-03-12T25:00", "12/03/2025", "2025-3-12", ""]) {
      assert.equal(readWallClock(text), undefined, text);
    }
  });

  it("gives the instant the wall clock means in the zone, winter and summer", () => {
    assert.equal(inZone(readWallClock("2025-01-18T14:00")!, "Europe/Paris").dateTime.toUTC().toISO(), "2025-01-18T13:00:00.000Z");
    assert.equal(inZone(readWallClock("2025-06-21T18:30")!, "Europe/Paris").dateTime.toISO(), "2025-06-21T18:30:00.000+02:00");
    assert.equal(inZone(readWallClock("2025-06-21T18:30")!, "America/Montreal").dateTime.toUTC().toISO(), "2025-06-21T22:30:00.000Z");
  });

  it("flags the hour skipped when clocks go forward", () => {
    assert.equal(inZone(readWallClock("2025-03-30T02:30")!, "Europe/Paris").skipped, true);
    assert.equal(inZone(readWallClock("2025-03-30T03:30")!, "Europe/Paris").skipped, false);
  });

  it("knows IANA zones and suggests the right case", () => {
    assert.deepEqual(checkZone("Europe/Paris"), { ok: true });
    assert.deepEqual(checkZone("America/Montreal"), { ok: true });
    assert.deepEqual(checkZone("UTC"), { ok: true });
    assert.deepEqual(checkZone("europe/paris"), { ok: false, suggestion: "Europe/Paris" });
    assert.deepEqual(checkZone("Europe/Nantes"), { ok: false });
  });
});

test("a date with an offset or Z is that instant, shown in the site's zone", () => {
  // Written by another engine in summer time: 10:45 in Paris.
  const summer = parsed("2024-08-31T10:45:00+02:00");
  assert.equal(summer.hasTime, true);
  assert.equal(isoDateTime(summer.dateTime), "2024-08-31T10:45:00+02:00");
  assert.equal(summer.dateTime.zoneName, "Europe/Paris");
  // The same instant written in UTC, and from Montréal: still shown as 10:45 in Paris.
  assert.equal(isoDateTime(parsed("2024-08-31T08:45:00Z").dateTime), "2024-08-31T10:45:00+02:00");
  assert.equal(isoDateTime(parsed("2024-08-31T04:45:00-04:00").dateTime), "2024-08-31T10:45:00+02:00");
  // Fractions of a second and an offset without colon, as feeds write them.
  assert.equal(isoDateTime(parsed("2025-01-15T17:00:00.000+0000").dateTime), "2025-01-15T18:00:00+01:00");
  // An instant is never "skipped" by a clock change: 01:30Z on the spring night is 03:30 in Paris.
  assert.equal(isoDateTime(parsed("2025-03-30T01:30:00Z").dateTime), "2025-03-30T03:30:00+02:00");
});

test("an offset without a time, or beyond ±18 hours, is not a date", () => {
  assert.ok("error" in parseWallClock("2024-08-31+02:00", "Europe/Paris"));
  assert.ok("error" in parseWallClock("2024-08-31T10:45:00+25:00", "Europe/Paris"));
  assert.equal(readWallClock("2024-08-31T10:45:00+02:00")?.offset, 120);
  assert.equal(readWallClock("2024-08-31T10:45")?.offset, undefined);
});

test("a date typed the French way is refused with the text to write", () => {
  assert.equal(wallClockHint("2026-12-05 10h00"), "write 2026-12-05T10:00");
  assert.equal(wallClockHint("2026-12-05 9h"), "write 2026-12-05T09:00");
  assert.equal(wallClockHint("05/12/2026"), "write 2026-12-05 (year, month, day)");
  assert.equal(wallClockHint("3/7/2025 à 9h30"), "write 2025-07-03T09:30 (year, month, day)");
  assert.equal(wallClockHint("18:30"), "a time needs its day: write it as 2025-03-12T18:30");
  assert.equal(wallClockHint("12h30", "2027-01-02"), "a time needs its day: write 2027-01-02T12:30");
  assert.equal(wallClockHint("demain"), undefined);
  const read = parseWallClock("05/12/2026 18h30", "Europe/Paris");
  assert.equal("error" in read && read.error, 'expected a date like 2025-03-12, 2025-03-12T18:30 or 2025-03-12T18:30:00+01:00, found "05/12/2026 18h30": write 2026-12-05T18:30 (year, month, day)');
});

test("a date with a month, day or hour no calendar has says which, never to write it again", () => {
  const error = (text: string) => {
    const read = parseWallClock(text, "Europe/Paris");
    return "error" in read ? read.error : "";
  };
  assert.equal(error("2025-13-20T09:00"), 'expected a date like 2025-03-12, 2025-03-12T18:30 or 2025-03-12T18:30:00+01:00, found "2025-13-20T09:00": there is no month 13 (a date is written year-month-day)');
  assert.match(error("2025-02-29"), /: February 2025 has 28 days$/);
  assert.match(error("2025-01-20T25:00"), /: an hour goes from 00 to 23 \(midnight is 00:00 of the next day\)$/);
  assert.match(error("2025-01-20T09:61"), /: minutes and seconds go from 00 to 59$/);
  // Typed the French way and out of range once rewritten: the reason, not "write 2026-04-31".
  assert.equal(wallClockHint("31/04/2026"), "April 2026 has 30 days");
  assert.equal(wallClockHint("2026-12-05 25h"), "an hour goes from 00 to 23 (midnight is 00:00 of the next day)");
  assert.equal(wallClockHint("2024-02-29"), undefined); // a leap year: a real day, nothing to say
});
