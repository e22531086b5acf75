import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { EleventyData } from "../core/eleventy.ts";
import { eventIcsUrl, eventOf, recapUrl, statusTitle } from "./entries.ts";
import { BASE, ZONE } from "./test-helpers.ts";

/** Page data as Eleventy hands it to a layout: front matter among many other keys. */
function pageData(frontMatter: Record<string, unknown>): EleventyData {
  return {
    ...frontMatter,
    page: { url: "/events/2025/x/", inputPath: "./content/events/2025/x/index.fr.md", outputPath: false, fileSlug: "x", filePathStem: "/events/2025/x/index.fr", date: new Date() },
    collections: {},
    eleventy: { env: { runMode: "build", source: "cli" } },
    layout: "event.11ty.tsx",
    type: "event",
    lang: "fr",
    bundle: "events/2025/x",
  };
}

describe("events as layouts and feeds read them", () => {
  it("reads the front matter out of page data, in the event's zone, once per page", () => {
    const data = pageData({ ...BASE, timezone: "America/Montreal" });
    const event = eventOf(data, ZONE);
    assert.equal(event.start.toISO(), "2025-01-18T14:00:00.000-05:00");
    assert.equal(eventOf(data, ZONE), event, "cached: layouts, lists and calendars share one parse");
    assert.throws(() => eventOf(pageData({ title: "Sans date" }), ZONE), /index\.fr\.md · start · not a valid event: /);
  });

  it("prefixes the title of cancelled and postponed events only", () => {
    const t = (key: string, { title }: { title: string }) => `${key.endsWith("cancelled") ? "Annulé" : "Reporté"} : ${title}`;
    const titled = (status: string) => statusTitle(eventOf(pageData({ ...BASE, status, ...(status === "rescheduled" ? { previousStart: "2025-01-11T14:00" } : {}) }), ZONE), t);
    assert.deepEqual(["cancelled", "postponed", "rescheduled"].map(titled), ["Annulé : Install party", "Reporté : Install party", "Install party"]);
  });

  it("links a recap given as a bundle, a path of either language or a URL to the page in the reader's language", () => {
    const pages = [
      { url: "/blog/2025/ag/", data: { bundle: "blog/2025/ag", lang: "fr" } },
      { url: "/en/blog/2025/ag/", data: { bundle: "blog/2025/ag", lang: "en" } },
      { url: "/blog/2025/seul/", data: { bundle: "blog/2025/seul", lang: "fr" } },
    ];
    assert.equal(recapUrl("blog/2025/ag", "en", pages), "/en/blog/2025/ag/");
    assert.equal(recapUrl("/blog/2025/ag/#votes", "en", pages), "/en/blog/2025/ag/#votes");
    assert.equal(recapUrl("/en/blog/2025/ag", "fr", pages), "/blog/2025/ag/");
    assert.equal(recapUrl("blog/2025/seul", "en", pages), undefined, "no page of that language: no link");
    assert.equal(recapUrl("/blog/2025/seul/", "en", pages), "/blog/2025/seul/", "a path names a page, kept when it has no translation");
    assert.equal(recapUrl("https://autre.example/ag", "fr", pages), "https://autre.example/ag");
  });

  it("puts the .ics next to the page", () => {
    assert.equal(eventIcsUrl("/en/events/2025/x/"), "/en/events/2025/x/event.ics");
    assert.equal(eventIcsUrl("/events/2025/x"), "/events/2025/x/event.ics");
  });
});
