import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSrcset } from "./srcset.ts";

describe("parseSrcset", () => {
  it("reads each candidate's URL and descriptor", () => {
    assert.deepEqual(parseSrcset("/img/a-480.avif 480w, /img/a-960.avif 960w"), [
      { url: "/img/a-480.avif", descriptor: "480w" },
      { url: "/img/a-960.avif", descriptor: "960w" },
    ]);
    assert.deepEqual(parseSrcset("  small.jpg, big.jpg 2x ,"), [
      { url: "small.jpg", descriptor: "" },
      { url: "big.jpg", descriptor: "2x" },
    ]);
  });

  it("keeps commas that belong to a URL, as the HTML standard reads them", () => {
    assert.deepEqual(parseSrcset("/img/a,b.jpg 1x, /img/c.jpg?w=1,2 2x"), [
      { url: "/img/a,b.jpg", descriptor: "1x" },
      { url: "/img/c.jpg?w=1,2", descriptor: "2x" },
    ]);
    // A URL's trailing commas end its candidate.
    assert.deepEqual(parseSrcset("a.jpg,, b.jpg"), [
      { url: "a.jpg", descriptor: "" },
      { url: "b.jpg", descriptor: "" },
    ]);
  });

  it("reads nothing from an empty attribute", () => {
    assert.deepEqual(parseSrcset(" , "), []);
  });
});
