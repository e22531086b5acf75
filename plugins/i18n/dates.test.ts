import assert from "node:assert/strict";
import { test } from "node:test";
import { parseWallClock } from "../core/dates.ts";
import { formatDate, formatDateTime } from "./dates.ts";

function parsed(value: string) {
  const result = parseWallClock(value, "Europe/Paris");
  assert.ok(!("error" in result), `${value} should parse`);
  return result;
}

test("dates read naturally in each language", () => {
  const { dateTime } = parsed("2024-10-20T18:30");
  assert.equal(formatDate(dateTime, "fr-FR"), "20 octobre 2024");
  assert.equal(formatDate(dateTime, "en-GB"), "20 October 2024");
  assert.match(formatDateTime(dateTime, "fr-FR"), /^20 octobre 2024 (à )?18:30$/);
  // French ordinal for the first of the month; English keeps the plain number.
  assert.equal(formatDate(parsed("2024-09-01").dateTime, "fr-FR"), "1er septembre 2024");
  assert.equal(formatDate(parsed("2024-09-01").dateTime, "en-GB"), "1 September 2024");
  assert.equal(formatDate(parsed("2024-09-11").dateTime, "fr-FR"), "11 septembre 2024");
});
