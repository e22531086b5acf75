import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventJsonLd, type JsonLdContext } from "./jsonld.ts";
import { BASE, makeEvent, SITE, VENUE } from "./test-helpers.ts";

const CTX: JsonLdContext = { ...SITE, language: "fr", pageUrl: `${SITE.siteUrl}/events/2025/install-party/` };

function jsonLd(frontMatter: Record<string, unknown>, ctx = CTX): Record<string, any> {
  return JSON.parse(eventJsonLd(makeEvent(frontMatter), ctx));
}

describe("schema.org Event JSON-LD", () => {
  it("stays inside its script element with a hostile title, and parses back to that title", () => {
    const title = `</script><b>&"'\u2028<!--\u2029 end`;
    const text = eventJsonLd(makeEvent({ ...BASE, title, venue: { ...VENUE, name: "</SCRIPT >" } }), CTX);
    assert.doesNotMatch(text, /<\/script/i);
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
    assert.equal(JSON.parse(text).name, title);
    assert.equal(JSON.parse(text).location.name, "</SCRIPT >");
  });

  it("gives start and end with the offset of their date, winter and summer", () => {
    assert.equal(jsonLd(BASE).startDate, "2025-01-18T14:00:00+01:00");
    const summer = jsonLd({ ...BASE, start: "2025-06-21T18:30", end: "2025-06-21T22:00" });
    assert.deepEqual([summer.startDate, summer.endDate], ["2025-06-21T18:30:00+02:00", "2025-06-21T22:00:00+02:00"]);
    assert.equal(jsonLd({ ...BASE, start: "2025-06-21T18:30", end: undefined, timezone: "America/Montreal" }).startDate, "2025-06-21T18:30:00-04:00");
    const allDay = jsonLd({ ...BASE, start: "2025-09-20", end: "2025-09-21" });
    assert.deepEqual([allDay.startDate, allDay.endDate], ["2025-09-20", "2025-09-21"]);
  });

  it("maps status and attendance mode to schema.org", () => {
    const statuses = ["scheduled", "cancelled", "postponed"].map((status) => jsonLd({ ...BASE, status }).eventStatus);
    assert.deepEqual(statuses, ["https://schema.org/EventScheduled", "https://schema.org/EventCancelled", "https://schema.org/EventPostponed"]);
    const rescheduled = jsonLd({ ...BASE, status: "rescheduled", previousStart: "2024-12-14T14:00" });
    assert.equal(rescheduled.eventStatus, "https://schema.org/EventRescheduled");
    assert.equal(rescheduled.previousStartDate, "2024-12-14T14:00:00+01:00");
    assert.equal(jsonLd(BASE).eventAttendanceMode, "https://schema.org/OfflineEventAttendanceMode");
    assert.equal(jsonLd({ ...BASE, venue: undefined, online: "https://visio.example/a" }).eventAttendanceMode, "https://schema.org/OnlineEventAttendanceMode");
  });

  it("describes a place, an online location, or both", () => {
    assert.deepEqual(jsonLd(BASE).location, {
      "@type": "Place",
      name: VENUE.name,
      address: { "@type": "PostalAddress", streetAddress: VENUE.address, addressLocality: VENUE.city },
    });
    const mixed = jsonLd({ ...BASE, online: "https://visio.example/a" });
    assert.equal(mixed.eventAttendanceMode, "https://schema.org/MixedEventAttendanceMode");
    assert.deepEqual(mixed.location.map((l: { "@type": string }) => l["@type"]), ["Place", "VirtualLocation"]);
  });

  it("gives offers, organizer, image and language", () => {
    const data = jsonLd(
      { ...BASE, price: 5, registration: { url: "https://framaforms.org/ip", deadline: "2025-01-15T12:00" }, banner: "banniere.jpg", bannerAlt: "Des ordinateurs", summary: "Un **atelier**." },
      { ...CTX, language: "en" },
    );
    assert.deepEqual(data.offers, {
      "@type": "Offer",
      price: 5,
      priceCurrency: "EUR",
      availability: "https://schema.org/InStock",
      url: "https://framaforms.org/ip",
      validThrough: "2025-01-15T12:00:00+01:00",
    });
    assert.deepEqual(data.organizer, { "@type": "Organization", name: SITE.siteName, url: SITE.siteUrl });
    assert.deepEqual(data.image, [`${SITE.siteUrl}/events/2025/install-party/banniere.jpg`]);
    assert.equal(data.inLanguage, "en");
    assert.equal(data.description, "Un atelier.");
    assert.equal(jsonLd({ ...BASE, price: "free" }).offers.price, 0);
    assert.equal(jsonLd(BASE).offers, undefined);
    assert.deepEqual(jsonLd({ ...BASE, organiser: { name: "Framasoft", url: "https://framasoft.org" } }).organizer.name, "Framasoft");
  });
});
