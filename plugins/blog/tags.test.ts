import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { collectTags, collectYears, preferredSpelling, tagClashes, tagKey, tagLabel, tagLabels, tagSlug } from "./tags.ts";

describe("tags", () => {
  test("slugs are ASCII and lowercase, the same for every spelling", () => {
    assert.equal(tagSlug("Logiciels libres"), "logiciels-libres");
    assert.equal(tagSlug("sobriété numérique"), "sobriete-numerique");
    assert.equal(tagSlug("JavaScript"), "javascript");
    assert.equal(tagSlug("Vidéo"), "video");
  });

  test("counts posts per language, once per post, sorted by slug, named by the spelling most posts use", () => {
    const tags = collectTags([
      { lang: "fr", tags: ["Vidéo", "vidéo", "association"] },
      { lang: "en", tags: ["vidéo"] },
      { lang: "fr", tags: ["vidéo"] },
    ]);
    assert.deepEqual(tags, [
      { slug: "association", name: "association", counts: { fr: 1 } },
      { slug: "video", name: "vidéo", counts: { fr: 2, en: 1 }, variants: ["vidéo", "Vidéo"] },
    ]);
  });

  test("spelling variants fold to one tag with a predictable name; different tags sharing a slug collide", () => {
    const [tag] = collectTags([
      { lang: "fr", tags: ["ÉCONOMIE SOCIALE"] },
      { lang: "fr", tags: [" économie  sociale "] },
      { lang: "fr", tags: ["Économie sociale"] },
    ]);
    assert.equal(tag!.name, "économie sociale");
    assert.deepEqual(preferredSpelling(new Map([["Vidéo", 2], ["vidéo", 1]])), ["Vidéo", "vidéo"]);
    const { collisions, variants } = tagClashes([
      { tag: "C++", file: "a.md", line: 4 },
      { tag: "C#", file: "b.md", line: 4 },
      { tag: "ÉCONOMIE SOCIALE", file: "a.md" },
      { tag: "economie-sociale", file: "b.md" },
      { tag: "docker", file: "a.md" },
    ]);
    assert.deepEqual(collisions.map((g) => g.map((u) => u.tag)), [["C++", "C#"]]);
    assert.deepEqual(variants.map((g) => g.map((u) => u.tag)), [["ÉCONOMIE SOCIALE", "economie-sociale"]]);
    assert.equal(tagKey("Économie_sociale"), tagKey(" economie  SOCIALE"));
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
