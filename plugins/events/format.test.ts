import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dateText } from "../i18n/dates.ts";
import { eventWhen, offsetText, priceText, seriesText, zoneCity } from "./format.ts";
import { BASE, makeEvent } from "./test-helpers.ts";
import { translator } from "../i18n/strings.ts";
import fr from "../../data/i18n/fr.json" with { type: "json" };
import en from "../../data/i18n/en.json" with { type: "json" };

const PARIS = "Europe/Paris";
/** Intl puts thin and narrow no-break spaces around dashes and before "€"; compare the words. */
const plain = (text: string | undefined) => text?.replace(/[\u2009\u202f\u00a0]/g, " ");

describe("when an event happens, in the reader's language", () => {
  it("words a timed event in French (\"18 h 30\", the French convention) and English, same day shown once", () => {
    const event = makeEvent({ ...BASE, start: "2025-06-21T18:30", end: "2025-06-21T22:00" });
    assert.equal(plain(eventWhen(event, "fr-FR", PARIS).text), "samedi 21 juin 2025, 18 h 30 – 22 h");
    assert.equal(plain(eventWhen(event, "en-GB", PARIS).text), "Saturday, 21 June 2025, 18:30–22:00");
    assert.equal(eventWhen(event, "fr-FR", PARIS).zone, undefined, "the site's own zone is not repeated");
  });

  it("words all-day events as dates, one day or a range", () => {
    assert.equal(plain(eventWhen(makeEvent({ ...BASE, start: "2025-09-20", end: undefined }), "fr-FR", PARIS).text), "samedi 20 septembre 2025");
    const festival = makeEvent({ ...BASE, start: "2025-09-20", end: "2025-09-21" });
    assert.equal(plain(eventWhen(festival, "fr-FR", PARIS).text), "samedi 20 – dimanche 21 septembre 2025");
    assert.equal(plain(eventWhen(festival, "en-GB", PARIS).text), "Saturday 20 September – Sunday 21 September 2025");
  });

  it("spans two days across the night clocks go back, at the hours written", () => {
    const night = makeEvent({ ...BASE, start: "2025-10-25T20:00", end: "2025-10-26T07:00" });
    assert.equal(plain(eventWhen(night, "fr-FR", PARIS).text), "samedi 25 octobre 2025 à 20 h – dimanche 26 octobre 2025 à 7 h");
  });

  it("shows another zone's name and offset, and the same moment on the site's clock", () => {
    const montreal = makeEvent({ ...BASE, start: "2027-03-20T13:00", end: "2027-03-20T14:30", timezone: "America/Montreal" });
    const fr = eventWhen(montreal, "fr-FR", PARIS);
    assert.equal(plain(fr.text), "samedi 20 mars 2027, 13 h – 14 h 30");
    assert.deepEqual(fr.zone, { name: "heure d’été de l’Est nord-américain", offset: "UTC\u22124" });
    // Montréal is already on summer time, Paris not yet: five hours apart, not six.
    assert.equal(plain(fr.inSiteZone), "samedi 20 mars 2027, 18 h – 19 h 30");
    assert.equal(eventWhen(montreal, "en-GB", PARIS).zone?.name, "Eastern Daylight Time");
  });

  it("does not repeat the hours for a zone on the site's clock", () => {
    const brussels = eventWhen(makeEvent({ ...BASE, timezone: "Europe/Brussels" }), "fr-FR", PARIS);
    assert.equal(brussels.zone?.offset, "UTC+1");
    assert.equal(brussels.inSiteZone, undefined);
  });

  it("formats offsets, zone cities, single dates and prices", () => {
    const event = makeEvent({ ...BASE, start: "2025-03-12T18:30", end: undefined, timezone: "Asia/Kolkata" });
    assert.equal(offsetText(event.start), "UTC+5:30");
    assert.equal(offsetText(makeEvent({ ...BASE, timezone: "UTC" }).start), "UTC");
    assert.equal(zoneCity("America/Port_of_Spain"), "Port of Spain");
    assert.equal(dateText(event.start, "fr-FR", false), "mercredi 12 mars 2025");
    assert.equal(plain(dateText(makeEvent({ ...BASE, start: "2025-03-01T09:05", end: undefined }).start, "fr-FR", true)), "samedi 1er mars 2025 à 9 h 05");
    assert.deepEqual([priceText(5, "fr-FR"), priceText(5, "en-GB"), priceText(12.5, "fr-FR"), priceText(0, "fr-FR")].map(plain), ["5 €", "€5", "12,50 €", undefined]);
  });
});

describe("how a series repeats, in the reader's language", () => {
  const strings = { fr, en } as Record<string, Record<string, unknown>>;
  const words = (event: ReturnType<typeof makeEvent>, lang: "fr" | "en") => {
    const text = seriesText(event, lang === "fr" ? "fr-FR" : "en-GB", translator(strings, lang))!;
    return { rule: plain(text.rule), headline: plain(text.headline), dates: plain(text.dates) };
  };

  it("names the weekday, the week of the month and the interval", () => {
    const monthly = makeEvent({ ...BASE, start: "2027-01-30T10:00", end: "2027-01-30T12:00", repeat: { every: "2 months", until: "2027-06-30" } });
    assert.deepEqual(words(monthly, "fr"), { rule: "le dernier samedi du mois, un mois sur deux", headline: "Le dernier samedi du mois, un mois sur deux, 10 h – 12 h", dates: "30 janvier – 29 mai 2027" });
    assert.equal(words(monthly, "en").rule, "the last Saturday of every other month");
    const weekly = makeEvent({ ...BASE, start: "2027-01-05", end: undefined, repeat: { every: "3 weeks", until: "2027-03-01" } });
    assert.deepEqual(words(weekly, "en"), { rule: "every 3 weeks, on Tuesday", headline: "Every 3 weeks, on Tuesday", dates: "5 January – 16 February 2027" });
  });

  it("takes the weekday from the start, even when an added day on another weekday comes first", () => {
    const moved = makeEvent({ ...BASE, start: "2027-01-02T10:00", end: "2027-01-02T12:00", repeat: { every: "month", until: "2027-02-28", except: "2027-01-02", also: "2027-01-03" } });
    assert.deepEqual(words(moved, "fr"), {
      rule: "le premier samedi de chaque mois",
      headline: "Le premier samedi de chaque mois, 10 h – 12 h",
      dates: "3 janvier – 6 février 2027, sauf le 2 janvier 2027, et aussi le 3 janvier 2027",
    });
  });
});
