import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatChange, formatMoney } from "./money.ts";

// Intl's own spaces: narrow no-break (U+202F) between thousands, no-break (U+00A0) before € and %.
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatMoney", () => {
  it("writes French amounts with Intl's no-break spaces and a comma", () => {
    assert.equal(formatMoney(123456, "fr-FR"), `1${NNBSP}234,56${NBSP}€`);
    assert.equal(formatMoney(123456789, "fr-FR"), `1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    assert.equal(formatMoney(5, "fr-FR"), `0,05${NBSP}€`);
  });

  it("writes English amounts with the sign first and a dot", () => {
    assert.equal(formatMoney(123456, "en-GB"), "€1,234.56");
    assert.equal(formatMoney(100, "en-GB"), "€1.00");
  });

  it("shows a deficit with a minus, and a change with a plus when asked (a true minus, U+2212, for a negative amount)", () => {
    assert.equal(formatMoney(-32045, "fr-FR"), `−320,45${NBSP}€`);
    assert.equal(formatMoney(-32045, "en-GB"), "−€320.45");
    assert.equal(formatMoney(9970, "fr-FR", "EUR", { signed: true }), `+99,70${NBSP}€`);
    assert.equal(formatMoney(9970, "en-GB", "EUR", { signed: true }), "+€99.70");
    assert.equal(formatMoney(0, "en-GB", "EUR", { signed: true }), "€0.00");
  });

  it("uses the exercice's currency", () => {
    assert.equal(formatMoney(123456, "fr-FR", "CHF"), `1${NNBSP}234,56${NBSP}CHF`);
  });
});

describe("formatChange", () => {
  it("signs a percentage and keeps one decimal", () => {
    assert.equal(formatChange(7.1199, "fr-FR"), `+7,1${NBSP}%`);
    assert.equal(formatChange(7.1199, "en-GB"), "+7.1%");
    assert.equal(formatChange(-70.06, "fr-FR"), `−70,1${NBSP}%`);
    assert.equal(formatChange(-100, "en-GB"), "−100%");
  });

  it("writes no sign for no change", () => {
    assert.equal(formatChange(0, "en-GB"), "0%");
  });
});
