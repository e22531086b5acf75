import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatOffset, transitions, vtimezone } from "./vtimezone.ts";

describe("VTIMEZONE from luxon's zone data", () => {
  it("finds Paris's two 2025 changes at the minute they happen", () => {
    const found = transitions("Europe/Paris", Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1));
    assert.deepEqual(
      found.map((t) => [new Date(t.at).toISOString(), t.from, t.to, t.dst]),
      [
        ["2025-03-30T01:00:00.000Z", 60, 120, true],
        ["2025-10-26T01:00:00.000Z", 120, 60, false],
      ],
    );
  });

  it("writes observances that start at the local time in the old offset", () => {
    const text = vtimezone("Europe/Paris", 2025, 2025)!;
    assert.match(text, /^BEGIN:VTIMEZONE\r\nTZID:Europe\/Paris\r\n/);
    assert.match(text, /BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\nEND:DAYLIGHT/);
    assert.match(text, /BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100\r\nEND:STANDARD/);
    assert.ok(text.endsWith("END:VTIMEZONE\r\n"));
  });

  it("covers zones without summer time and zones the old tzurl files get wrong", () => {
    const kolkata = vtimezone("Asia/Kolkata", 2025, 2025)!;
    assert.equal(kolkata.match(/BEGIN:STANDARD/g)?.length, 1);
    assert.match(kolkata, /TZOFFSETTO:\+0530/);
    // Mexico dropped summer time in 2022; a 2018 VTIMEZONE would still switch to -0500.
    assert.doesNotMatch(vtimezone("America/Mexico_City", 2025, 2025)!, /DAYLIGHT|-0500/);
  });

  it("writes no VTIMEZONE for UTC or an unknown zone", () => {
    assert.equal(vtimezone("UTC", 2025, 2025), null);
    assert.equal(vtimezone("Etc/UTC", 2025, 2025), null);
    assert.equal(vtimezone("Europe/Nantes", 2025, 2025), null);
  });

  it("formats offsets as ±hhmm", () => {
    assert.deepEqual([60, -240, 330, 345, -210, 0].map(formatOffset), ["+0100", "-0400", "+0530", "+0545", "-0330", "+0000"]);
  });
});
