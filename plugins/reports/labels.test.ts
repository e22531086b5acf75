import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FINANCE_LABELS, financeLabels } from "./labels.ts";

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("finance labels", () => {
  const fr = financeLabels("fr");
  const en = financeLabels("en");

  it("has the same keys, all non-empty, in French and English", () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const labels of Object.values(FINANCE_LABELS)) {
      for (const [key, text] of Object.entries(labels)) assert.ok(text.trim(), key);
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      assert.deepEqual(placeholders(en[key]), placeholders(fr[key]), key);
    }
  });

  it("names the missing language instead of falling back silently", () => {
    assert.throws(() => financeLabels("de"), /no default finance labels for language "de"/);
  });
});
