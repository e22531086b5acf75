import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { validateEvent } from "./schema.ts";
import { everyHint, readEvery, ruleDays } from "./series.ts";
import { BASE, FILE, makeEvent, ZONE } from "./test-helpers.ts";

/** A monthly drop-in on the first Saturday, 10:00 to 12:00, as a writer starts one. */
const SERIES = { ...BASE, start: "2027-01-02T10:00", end: "2027-01-02T12:00", repeat: { every: "month", until: "2027-06-30" } };

/** "field: message" of each problem of the front matter. */
function problems(frontMatter: Record<string, unknown>): string[] {
  return validateEvent(frontMatter, FILE, { zone: ZONE }).problems.map((p) => `${p.field}: ${p.message}`);
}

const days = (event: ReturnType<typeof makeEvent>) => event.repeat!.dates.map((d) => `${d.start.toISO({ suppressMilliseconds: true, suppressSeconds: true })}/${d.end?.toFormat("HH:mm")}`);

describe("every:", () => {
  it("reads week, month and a number of them, singular or plural", () => {
    assert.deepEqual(["week", "2 weeks", "month", "3 months", "1 month", "Weeks"].map((t) => readEvery(t) && [readEvery(t)!.n, readEvery(t)!.unit]), [
      [1, "week"],
      [2, "week"],
      [1, "month"],
      [3, "month"],
      [1, "month"],
      [1, "week"],
    ]);
    assert.deepEqual(["0 weeks", "13 months", "day", "fortnight", "2weeks"].map(readEvery), [undefined, undefined, undefined, undefined, undefined]);
  });

  it("says what to write for the French words a writer tries", () => {
    assert.equal(everyHint("mois"), "write month (the words of front matter are English)");
    assert.equal(everyHint("tous les 2 mois"), "write 2 months (the words of front matter are English)");
    assert.equal(everyHint("chaque semaine"), "write week (the words of front matter are English)");
    assert.equal(everyHint("hebdomadaire"), "write week");
    assert.equal(everyHint("tous les 15 jours"), "write 2 weeks");
    assert.equal(everyHint("daily"), undefined);
  });
});

describe("the dates of a series", () => {
  it("keep the start's hours in the site's zone across the change to summer time, and skip the excepted ones", () => {
    const event = makeEvent({ ...SERIES, repeat: { ...SERIES.repeat, except: ["2027-05-01"] } });
    assert.deepEqual(days(event), ["2027-01-02T10:00+01:00/12:00", "2027-02-06T10:00+01:00/12:00", "2027-03-06T10:00+01:00/12:00", "2027-04-03T10:00+02:00/12:00", "2027-06-05T10:00+02:00/12:00"]);
    assert.deepEqual(event.repeat!.except.map((d) => d.toISO({ suppressMilliseconds: true })), ["2027-05-01T10:00:00+02:00"]);
    assert.equal(event.repeat!.week, 1);
  });

  it("add the days written under also, in order, at the start's hours", () => {
    const event = makeEvent({ ...SERIES, repeat: { ...SERIES.repeat, except: "2027-05-01", also: ["2027-05-08"] } });
    assert.deepEqual(event.repeat!.dates.map((d) => d.start.toISODate()), ["2027-01-02", "2027-02-06", "2027-03-06", "2027-04-03", "2027-05-08", "2027-06-05"]);
    assert.equal(event.repeat!.dates[4]!.end!.toISO({ suppressMilliseconds: true }), "2027-05-08T12:00:00+02:00");
  });

  it("take the week of the month from the start, its fifth weekday being the last", () => {
    assert.equal(makeEvent({ ...SERIES, start: "2027-01-16T10:00", end: "2027-01-16T12:00" }).repeat!.week, 3);
    const fifth = makeEvent({ ...SERIES, start: "2027-01-30T10:00", end: "2027-01-30T12:00" });
    assert.equal(fifth.repeat!.week, "last");
    // February 2027 has four Saturdays: the last is the 27th, not a (missing) fifth.
    assert.equal(fifth.repeat!.dates[1]!.start.toISODate(), "2027-02-27");
  });

  it("repeat every n weeks on the start's weekday, and last as long as the first (a night, several days)", () => {
    const night = makeEvent({ ...BASE, start: "2027-01-08T22:00", end: "2027-01-09T02:00", repeat: { every: "2 weeks", until: "2027-02-05" } });
    assert.deepEqual(days(night), ["2027-01-08T22:00+01:00/02:00", "2027-01-22T22:00+01:00/02:00", "2027-02-05T22:00+01:00/02:00"]);
    assert.equal(night.repeat!.dates[1]!.end!.toISODate(), "2027-01-23");
    const weekend = makeEvent({ ...BASE, start: "2027-01-02", end: "2027-01-03", repeat: { every: "month", until: "2027-02-28" } });
    assert.deepEqual(weekend.repeat!.dates.map((d) => [d.start.toISODate(), d.end!.toISODate()]), [
      ["2027-01-02", "2027-01-03"],
      ["2027-02-06", "2027-02-07"],
    ]);
  });

  it("of a month rule land in every month, the short ones included", () => {
    const start = DateTime.fromISO("2027-01-29", { zone: ZONE });
    const got = ruleDays(start, { unit: "month", n: 1, text: "month" }, "last", DateTime.fromISO("2027-05-31", { zone: ZONE })).map((d) => d.toISODate());
    assert.deepEqual(got, ["2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30", "2027-05-28"]);
  });
});

describe("a series' mistakes", () => {
  it("name the field and what to write", () => {
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "tous les mois", until: "2027-06-30" } }), ["repeat.every: expected week, month, or a number of them (2 weeks, 3 months), found \"tous les mois\": write month (the words of front matter are English)"]);
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "month" } }), ["repeat.until: expected the series' last day, a date alone (2027-06-30), found nothing (the field is missing)"]);
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "month", until: "2026-12-31" } }), ["repeat.until: expected the series' last day, on or after its start (2027-01-02), found 2026-12-31"]);
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "month", until: "2207-06-30" } }), ["repeat.until: expected a last day within 5 years of the start (2032-01-02 at the latest), found 2207-06-30: extend the series later, when it goes on"]);
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "month", until: "2027-06-30T12:00" } }), ["repeat.until: expected the series' last day, a date alone (2027-06-30), found 2027-06-30T12:00: a series' days are dates alone, each at the time of its start"]);
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "week", week: 1, until: "2027-06-30" } }), ["repeat.week: expected week only with every: month (the week of the month), found it with every: week"]);
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "month", until: "2027-06-30", except: "2027-05-01, 2027-06-05" } }), [
      "repeat.except: expected a date or a list of dates (2027-04-03), found \"2027-05-01, 2027-06-05\": write them as a list, [2027-05-01, 2027-06-05]",
    ]);
  });

  it("catch a start that is not the week of the month written", () => {
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "month", week: "last", until: "2027-06-30" } }), [
      "start: expected the series' first date, the last Saturday of its month; found 2027-01-02T10:00, the first Saturday: the first one from then is 2027-01-30",
    ]);
  });

  it("name each excepted date that is not one of the series', with the dates near it", () => {
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "month", until: "2027-06-30", except: ["2027-05-01", "2027-04-04", "2027-08-07", "2026-12-05"] } }), [
      "repeat.except.1: expected a date of the series, found 2027-04-04, not one of its dates; the nearest are 2027-04-03 and 2027-05-01",
      "repeat.except.2: expected a date of the series, found 2027-08-07, after its last date (2027-06-05)",
      "repeat.except.3: expected a date of the series, found 2026-12-05, before the series starts (2027-01-02)",
    ]);
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "week", until: "2027-01-09", except: ["2027-01-02", "2027-01-09"] } }), [
      "repeat.except: expected at least one date left once the exceptions are out; found none: every date of the series is excepted",
    ]);
  });

  it("name an added day the rule already gives, one out of the series' span, one both skipped and added", () => {
    assert.deepEqual(problems({ ...SERIES, repeat: { every: "month", until: "2027-06-30", except: ["2027-05-01", "2027-05-08"], also: ["2027-02-06", "2027-07-03", "2027-05-08"] } }), [
      "repeat.also.0: expected a date the rule does not give, found 2027-02-06, already one of the series' dates",
      "repeat.also.1: expected a date from the series' start to its last day (2027-01-02 to 2027-06-30), found 2027-07-03: move until if the series goes on",
      "repeat.except.1: expected a date of the series to skip, found 2027-05-08, which also adds: a date is skipped or added, not both",
    ]);
  });

  it("refuse what a series cannot be: postponed as a whole, one registration deadline, dates that overlap", () => {
    assert.deepEqual(problems({ ...SERIES, status: "postponed" }), [
      "repeat: expected no repeat with status: postponed: a series is cancelled as a whole (status: cancelled), or one of its dates is left out with except",
    ]);
    assert.deepEqual(problems({ ...SERIES, registration: { url: "https://inscription.example.org", deadline: "2027-01-01" } }), [
      "registration.deadline: expected no deadline in a series: one date would close registration for all of them; leave it out, or give the deadline of each date in the text",
    ]);
    assert.deepEqual(problems({ ...BASE, start: "2027-03-01", end: "2027-03-09", repeat: { every: "week", until: "2027-04-01" } }), [
      "end: expected each date of the series to end before the next one begins (every week), found an end 8 days after the start",
    ]);
    assert.deepEqual(problems({ ...SERIES, until: "2027-06-30", repeat: undefined }), ["until: unknown field: put it under repeat: (repeat:, then every: and until: indented below it)"]);
  });

  it("leave a cancelled series valid: it is cancelled as a whole", () => {
    assert.equal(makeEvent({ ...SERIES, status: "cancelled" }).repeat!.dates.length, 6);
  });
});
