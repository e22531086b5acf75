import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dateText, eventWhen, offsetText, priceText, zoneCity } from "./format.ts";
import { BASE, makeEvent } from "./test-helpers.ts";

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
