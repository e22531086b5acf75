import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { escapeMarkup, safeJson } from "./escape.ts";

describe("escapeMarkup", () => {
  it("escapes the characters that could open a tag or close an attribute", () => {
    assert.equal(escapeMarkup(`<b class="x">A & B's</b>`), "&lt;b class=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/b&gt;");
    assert.equal(escapeMarkup("1\u202f234,56\u00a0€"), "1\u202f234,56\u00a0€");
  });

  it("gives back the same text through an XML parser, in an attribute and in an element", () => {
    const text = `Tom & Jerry's "<b>" ]]> &amp;`;
    const parsed = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(`<a t="${escapeMarkup(text)}">${escapeMarkup(text)}</a>`);
    assert.equal(parsed.a["#text"], text);
    assert.equal(parsed.a["@_t"], text);
  });
});

describe("safeJson", () => {
  it("escapes what could close a script in any JSON value, and parses back to the same value", () => {
    assert.equal(safeJson({ a: "</script>&" }), '{"a":"\\u003c/script\\u003e\\u0026"}');
    assert.deepEqual(JSON.parse(safeJson({ a: "</script>&\u2028" })), { a: "</script>&\u2028" });
  });
});
