import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { change, monthsBetween, outcomeOf, sum, sumByCategory } from "./finance-compute.ts";

describe("change", () => {
  it("gives the absolute and percent change", () => {
    assert.deepEqual(change(150000, 140030), { current: 150000, previous: 140030, absolute: 9970, percent: (9970 / 140030) * 100 });
    assert.equal(change(0, 500).percent, -100);
  });

  it("gives no percent from zero", () => {
    assert.equal(change(300, 0).percent, null);
    assert.equal(change(0, 0).percent, null);
  });

  it("measures a result's change against the size of the previous one", () => {
    // A deficit of 200 halved to 100 is an improvement: +50 %.
    assert.equal(change(-100, -200).percent, 50);
    assert.equal(change(-100, 200).percent, -150);
  });
});

describe("sumByCategory", () => {
  it("adds lines per category in the categories' order, skipping unused ones", () => {
    const order = new Map([
      ["a", { fr: "A", en: "A" }],
      ["b", { fr: "B", en: "B" }],
      ["c", { fr: "C", en: "C" }],
    ]);
    const lines = [
      { category: "c", amount: 10 },
      { category: "a", amount: 20 },
      { category: "c", amount: 20, label: { fr: "x", en: "x" } },
    ];
    const totals = sumByCategory(lines, order);
    assert.deepEqual(totals.map((t) => [t.code, t.amount, t.lines.length]), [["a", 20, 1], ["c", 30, 2]]);
  });

  it("stays exact where floating-point sums drift", () => {
    assert.equal(sum([10, 20]), 30); // 0.10 + 0.20, in cents
  });
});

describe("outcomeOf and monthsBetween", () => {
  it("names the result", () => {
    assert.deepEqual([outcomeOf(1), outcomeOf(-1), outcomeOf(0)], ["surplus", "deficit", "balanced"]);
  });

  it("counts whole months, the last day included", () => {
    assert.equal(monthsBetween("2024-09-01", "2025-08-31"), 12);
    assert.equal(monthsBetween("2024-01-01", "2024-12-31"), 12);
    assert.equal(monthsBetween("2024-01-01", "2024-08-31"), 8);
    assert.equal(monthsBetween("2023-05-10", "2024-08-31"), 16);
  });
});
