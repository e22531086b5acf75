import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { translator } from "../i18n/strings.ts";
import { eventFeedHtml, type FeedEntryContext } from "./feed-entry.tsx";
import { BASE, makeEvent, ZONE } from "./test-helpers.ts";
import fr from "../../data/i18n/fr.json" with { type: "json" };
import en from "../../data/i18n/en.json" with { type: "json" };

const strings = { fr, en } as Record<string, Record<string, unknown>>;
const ctx = (lang: string, locale: string): FeedEntryContext => ({ t: translator(strings, lang), locale, siteZone: ZONE, icsUrl: "/events/2025/x/event.ics", now: new Date("2025-06-01T12:00:00+02:00") });
const text = (html: string) => parse(html).textContent.replace(/[\s\u2009\u202f\u00a0]+/g, " ").trim();

describe("the event's facts at the top of its feed entry", () => {
  it("gives when and where in the feed's language, and the calendar link", () => {
    const event = makeEvent({ ...BASE, start: "2025-06-21T18:30", end: "2025-06-21T22:00" });
    const html = eventFeedHtml(event, ctx("fr", "fr-FR"));
    assert.match(text(html), /Quand samedi 21 juin 2025, 18 h 30 – 22 h Où Médiathèque Jacques-Demy, 24 quai de la Fosse, Nantes Ajouter à mon agenda/);
    assert.equal(parse(html).querySelector("a")?.getAttribute("href"), "/events/2025/x/event.ics");
    assert.match(text(eventFeedHtml(event, ctx("en", "en-GB"))), /When Saturday, 21 June 2025, 18:30–22:00/);
  });

  it("says first that an event is cancelled, and leaves its online link and the calendar link out", () => {
    const event = makeEvent({ ...BASE, venue: undefined, online: "https://visio.example/a", status: "cancelled" });
    const html = eventFeedHtml(event, ctx("en", "en-GB"));
    assert.match(text(html), /^Cancelled · This event will not take place\./);
    assert.doesNotMatch(html, /visio\.example|event\.ics/);
  });

  it("strikes a postponed event's date, says a new one is to come, and offers no calendar file", () => {
    const html = eventFeedHtml(makeEvent({ ...BASE, status: "postponed" }), ctx("fr", "fr-FR"));
    assert.match(text(html), /^Reporté · Il n’aura pas lieu le samedi 18 janvier 2025 à 14 h/);
    assert.match(html, /<del>samedi 18 janvier 2025, 14[^<]*<\/del> nouvelle date à venir/);
    assert.doesNotMatch(html, /event\.ics/);
  });

  it("shows another zone and the site's time", () => {
    const event = makeEvent({ ...BASE, start: "2027-03-20T13:00", end: "2027-03-20T14:30", timezone: "America/Montreal", venue: undefined, online: "https://visio.example/q" });
    assert.match(text(eventFeedHtml(event, ctx("fr", "fr-FR"))), /13 h – 14 h 30 \(heure d’été de l’Est nord-américain, UTC−4\) Soit samedi 20 mars 2027, 18 h – 19 h 30 à l’heure de Paris\./);
  });

  it("escapes what the writer typed", () => {
    const event = makeEvent({ ...BASE, venue: { name: "<script>alert(1)</script>", address: "1 rue & co", city: "Nantes" } });
    const html = eventFeedHtml(event, ctx("fr", "fr-FR"));
    assert.doesNotMatch(html, /<script/);
    assert.match(text(html), /<script>alert\(1\)<\/script>, 1 rue & co/);
  });
});
