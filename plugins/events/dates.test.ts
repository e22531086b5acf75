import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkZone, inZone, parseWallClock } from "./dates.ts";

describe("wall-clock dates", () => {
  it("reads a date alone as an all-day date and a date with time as a timed one", () => {
    assert.equal(parseWallClock("2025-03-12")?.hasTime, false);
    const timed = parseWallClock("2025-03-12T18:30");
    assert.deepEqual([timed?.hasTime, timed?.hour, timed?.minute], [true, 18, 30]);
    assert.equal(parseWallClock("2025-03-12 18:30:15")?.second, 15);
  });

  it("refuses offsets, UTC marks, impossible days and other shapes", () => {
    for (const text of ["2025-03-12T18:30+02:00", "2025-03-12T18:30Z", "2025-02-30", "2025-03-12T25:00", "12/03/2025", "2025-3-12", ""]) {
      assert.equal(parseWallClock(text), undefined, text);
    }
  });

  it("gives the instant the wall clock means in the zone, winter and summer", () => {
    assert.equal(inZone(parseWallClock("2025-01-18T14:00")!, "Europe/Paris").dateTime.toUTC().toISO(), "2025-01-18T13:00:00.000Z");
    assert.equal(inZone(parseWallClock("2025-06-21T18:30")!, "Europe/Paris").dateTime.toISO(), "2025-06-21T18:30:00.000+02:00");
    assert.equal(inZone(parseWallClock("2025-06-21T18:30")!, "America/Montreal").dateTime.toUTC().toISO(), "2025-06-21T22:30:00.000Z");
  });

  it("flags the hour skipped when clocks go forward", () => {
    assert.equal(inZone(parseWallClock("2025-03-30T02:30")!, "Europe/Paris").skipped, true);
    assert.equal(inZone(parseWallClock("2025-03-30T03:30")!, "Europe/Paris").skipped, false);
  });

  it("knows IANA zones and suggests the right case", () => {
    assert.deepEqual(checkZone("Europe/Paris"), { ok: true });
    assert.deepEqual(checkZone("America/Montreal"), { ok: true });
    assert.deepEqual(checkZone("UTC"), { ok: true });
    assert.deepEqual(checkZone("europe/paris"), { ok: false, suggestion: "Europe/Paris" });
    assert.deepEqual(checkZone("Europe/Nantes"), { ok: false });
  });
});
