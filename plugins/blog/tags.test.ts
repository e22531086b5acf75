import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { collectTags, collectYears, hasTag, tagLabel, tagLabels, tagSlug } from "./tags.ts";

describe("tags", () => {
  test("slugs are ASCII and lowercase, the same for every spelling", () => {
    assert.equal(tagSlug("Logiciels libres"), "logiciels-libres");
    assert.equal(tagSlug("sobriété numérique"), "sobriete-numerique");
    assert.equal(tagSlug("JavaScript"), "javascript");
    assert.ok(hasTag(["Vidéo"], "video"));
  });

  test("counts posts per language, once per post, sorted by slug, named as the newest post wrote them", () => {
    const tags = collectTags([
      { lang: "fr", tags: ["Vidéo", "vidéo", "association"] },
      { lang: "en", tags: ["vidéo"] },
      { lang: "fr", tags: ["vidéo"] },
    ]);
    assert.deepEqual(tags, [
      { slug: "association", name: "association", counts: { fr: 1 } },
      { slug: "video", name: "Vidéo", counts: { fr: 2, en: 1 } },
    ]);
  });

  test("a label is found whatever the tag's spelling; without one, the tag reads as written", () => {
    const labels = tagLabels({ "logiciels libres": { en: "free software" } });
    assert.deepEqual(tagLabel("Logiciels Libres", "en", labels), { text: "free software", labelled: true });
    assert.deepEqual(tagLabel("logiciels libres", "fr", labels), { text: "logiciels libres", labelled: false });
  });

  test("years come newest first with their counts per language", () => {
    assert.deepEqual(
      collectYears([
        { lang: "fr", year: 2024 },
        { lang: "fr", year: 2025 },
        { lang: "en", year: 2024 },
      ]),
      [
        { year: 2025, counts: { fr: 1 } },
        { year: 2024, counts: { fr: 1, en: 1 } },
      ],
    );
  });
});
