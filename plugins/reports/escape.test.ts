import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeMarkup, fillLabel } from "./escape.ts";

describe("escapeMarkup", () => {
  it("escapes the characters that could open a tag or close an attribute", () => {
    assert.equal(escapeMarkup(`<b class="x">A & B's</b>`), "&lt;b class=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/b&gt;");
    assert.equal(escapeMarkup("1\u202f234,56\u00a0€"), "1\u202f234,56\u00a0€");
  });
});

describe("fillLabel", () => {
  it("fills i18next-style placeholders and leaves unknown ones visible", () => {
    assert.equal(fillLabel("Exercice {{exercice}} ({{ previous }})", { exercice: "2024-2025", previous: "2023-2024" }), "Exercice 2024-2025 (2023-2024)");
    assert.equal(fillLabel("{{missing}}", {}), "{{missing}}");
  });
});
