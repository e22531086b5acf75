import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Reach } from "../core/incremental.ts";
import { NeighbourPages } from "./neighbours.ts";

const day = (d: number) => Date.UTC(2025, 0, d);
const saved = (file: string, reach: Reach) => new Map([[file, reach]]);

describe("NeighbourPages", () => {
  const pages = new NeighbourPages();
  // Newest first, as the blog lists them.
  pages.record("fr", [
    { file: "e", time: day(5) },
    { file: "d", time: day(4) },
    { file: "c", time: day(3) },
    { file: "b", time: day(2) },
    { file: "a", time: day(1) },
  ]);
  const same = (file: string) => ({ a: day(1), b: day(2), c: day(3), d: day(4), e: day(5) })[file];

  it("names the neighbours of a post whose title changed", () => {
    assert.deepEqual([...pages.linking(saved("c", "site"), same)].sort(), ["b", "d"]);
    assert.deepEqual([...pages.linking(saved("e", "site"), same)].sort(), ["d"]);
  });

  it("adds those of its new place when its date moved it", () => {
    assert.deepEqual([...pages.linking(saved("c", "site"), (f) => (f === "c" ? day(0) : same(f)))].sort(), ["a", "b", "d"]);
    assert.deepEqual([...pages.linking(saved("a", "site"), (f) => (f === "a" ? day(9) : same(f)))].sort(), ["b", "e"]);
  });

  it("names none for a change its lists do not show, or a file they do not hold that is no page", () => {
    assert.deepEqual(pages.linking(saved("c", "card"), same).size, 0);
    assert.deepEqual(pages.linking(saved("c", "page"), same).size, 0);
    assert.deepEqual(pages.linking(saved("x", "site"), () => day(3)).size, 0);
  });

  it("places a page added since the lists were made by its date, in every language's list", () => {
    const two = new NeighbourPages();
    two.record("fr", [
      { file: "c.fr.md", time: day(3) },
      { file: "a.fr.md", time: day(1) },
    ]);
    two.record("en", [
      { file: "b.en.md", time: day(4) },
      { file: "a.en.md", time: day(1) },
    ]);
    // Dated between a and c: in French, between them; in English, after b (a list shows it once the rebuild made it).
    assert.deepEqual([...two.linking(saved("new.fr.md", "site"), () => day(2))].sort(), ["a.en.md", "a.fr.md", "b.en.md", "c.fr.md"]);
    // Undated (a docs page): no list of posts shows it.
    assert.deepEqual(two.linking(saved("doc.fr.md", "site"), () => undefined).size, 0);
  });
});
