import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exerciceFileSchema, nextExercice, toCents } from "./finance-schema.ts";

describe("toCents", () => {
  it("turns amounts with up to two decimals into exact integer cents", () => {
    assert.equal(toCents(1234.56), 123456);
    assert.equal(toCents(1380), 138000);
    assert.equal(toCents(96.4), 9640);
    assert.equal(toCents(0.29), 29); // 0.29 * 100 is 28.999… in floating point
    assert.equal(toCents(0.1), 10);
    assert.equal(toCents(0), 0);
  });

  it("refuses a third decimal instead of rounding it away", () => {
    assert.match(String(toCents(1200.555)), /at most two decimals, found 1200\.555/);
    assert.match(String(toCents(0.001)), /at most two decimals/);
  });

  it("refuses text, with the expected format in the message", () => {
    const message = String(toCents("1 234,56"));
    assert.match(message, /such as 1234\.56/);
    assert.match(message, /found "1 234,56": write 1234\.56$/);
    assert.match(String(toCents(undefined)), /^missing/);
  });

  it("rewrites an amount copied from a French spreadsheet the way the file wants it", () => {
    assert.match(String(toCents("1 200,50 €")), /found "1 200,50 €": write 1200\.50$/);
    assert.match(String(toCents("1.380,5")), /: write 1380\.50$/);
    assert.match(String(toCents("-45,00 €", { signed: true })), /: write -45\.00$/);
    assert.match(String(toCents("1\u202F380")), /: write 1380$/); // a narrow no-break space, as LibreOffice copies it
    assert.match(String(toCents("douze")), /found "douze"$/);
  });

  it("accepts a negative amount only where a deficit can be written", () => {
    assert.match(String(toCents(-10)), /positive amount/);
    assert.equal(toCents(-320.45, { signed: true }), -32045);
  });

  it("refuses amounts too large to add exactly", () => {
    assert.match(String(toCents(1e16)), /too large|two decimals/);
  });
});

describe("exerciceFileSchema", () => {
  const schema = exerciceFileSchema(["fr", "en"]);
  const base = { exercice: "2024-2025", start: "2024-09-01", end: "2025-08-31" };

  it("fills defaults so a minimal file is enough", () => {
    const data = schema.parse(base);
    assert.equal(data.currency, "EUR");
    assert.equal(data.example, false);
    assert.deepEqual(data.income, []);
  });

  it("accepts a calendar-year exercice written as a number", () => {
    assert.equal(schema.parse({ ...base, exercice: 2024 }).exercice, "2024");
  });

  it("refuses unknown fields, invalid dates and labels missing a language", () => {
    assert.equal(schema.safeParse({ ...base, incomes: [] }).success, false);
    assert.equal(schema.safeParse({ ...base, start: "2024-02-30" }).success, false);
    assert.equal(schema.safeParse({ ...base, start: "01/09/2024" }).success, false);
    const line = { category: "dons", amount: 10, label: { fr: "Dons" } };
    assert.equal(schema.safeParse({ ...base, income: [line] }).success, false);
    const extra = { ...line, label: { fr: "Dons", en: "Gifts", de: "Spenden" } };
    assert.equal(schema.safeParse({ ...base, income: [extra] }).success, false);
  });
});

describe("nextExercice", () => {
  it("names the exercice a budget is voted for", () => {
    assert.equal(nextExercice("2024-2025"), "2025-2026");
    assert.equal(nextExercice("2024"), "2025");
  });
});
