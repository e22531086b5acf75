import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HtmlValidate } from "html-validate";
import { parse } from "node-html-parser";
import type { Exercice } from "./finance-compute.ts";
import { loadFinances } from "./finances.ts";
import { SITE_STRINGS } from "../../test/helpers/strings.ts";
import { financeLabels } from "./labels.ts";
import { financeTablesHtml } from "./tables.tsx";

const { exercices } = loadFinances("plugins/reports/fixtures/valid");
const [older, newer] = exercices as [Exercice, Exercice];
const starter = loadFinances("data/finances").exercices;
const fr = { lang: "fr", labels: financeLabels(SITE_STRINGS, "fr"), locale: "fr-FR" };
const en = { lang: "en", labels: financeLabels(SITE_STRINGS, "en"), locale: "en-GB" };
const NNBSP = "\u202f";
const NBSP = "\u00a0";

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

function page(fragment: string, lang: string): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Rapport financier</title></head><body><main>${fragment}</main></body></html>`;
}

/** Rows of a table as arrays of cell texts, header cell first. */
function rows(html: string, tableClass: string, section = "tbody"): string[][] {
  const table = parse(html).querySelector(`table.${tableClass}`);
  assert.ok(table, `no table.${tableClass}`);
  return table.querySelectorAll(`${section} tr`).map((tr) => tr.querySelectorAll("th, td").map((c) => c.text));
}

describe("financeTablesHtml", () => {
  it("produces valid HTML in both languages, with and without comparison", async () => {
    for (const e of [...exercices, ...starter]) {
      for (const options of [fr, en]) {
        const report = await validator.validateString(page(financeTablesHtml(e, options), options.lang));
        const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
        assert.deepEqual(messages, [], `${e.exercice} ${options.lang}`);
      }
    }
  });

  it("names every table by a title above its scrolling box (never cut off on a phone), scoped headers, totals in tfoot", () => {
    const doc = parse(financeTablesHtml(newer, fr));
    const tables = doc.querySelectorAll("table");
    assert.deepEqual(tables.map((t) => t.classList.value.join(" ")), [
      "finance-table finance-summary",
      "finance-table finance-income",
      "finance-table finance-expenses",
      "finance-table finance-in-kind",
      "finance-table finance-budget",
    ]);
    for (const table of tables) {
      const title = doc.getElementById(table.getAttribute("aria-labelledby") ?? "");
      assert.ok(title?.text, "title");
      assert.equal(title?.nextElementSibling, table.parentNode, "the title sits just before the scrolling box");
      assert.ok(table.querySelectorAll("th").every((th) => ["col", "row", "rowgroup"].includes(th.getAttribute("scope") ?? "")));
      assert.ok(table.querySelector("tfoot tr"), "tfoot");
      // the scrolling region around it is named by the same title
      assert.equal(table.parentNode?.getAttribute("aria-labelledby"), title?.id);
    }
    assert.equal(doc.getElementById(tables[1]!.getAttribute("aria-labelledby")!)?.text, "Produits de l’exercice 2024-2025 par catégorie (comparaison avec l’exercice 2023-2024)");
  });

  it("formats amounts per language", () => {
    assert.deepEqual(rows(financeTablesHtml(newer, fr), "finance-summary")[0], [
      "Total des produits",
      `1${NNBSP}500,00${NBSP}€`,
      `1${NNBSP}400,30${NBSP}€`,
      `+99,70${NBSP}€`,
      `+7,1${NBSP}%`,
    ]);
    assert.deepEqual(rows(financeTablesHtml(newer, en), "finance-summary")[0], ["Total income", "€1,500.00", "€1,400.30", "+€99.70", "+7.1%"]);
  });

  it("states the result in words and marks its row with a class", () => {
    const html = financeTablesHtml(newer, en);
    assert.match(html, /<p class="finance-result finance-result--surplus"><strong>Result for the 2024-2025 financial year: surplus of €149\.70\.<\/strong><\/p>/);
    const foot = parse(html).querySelector("table.finance-summary tfoot tr");
    assert.equal(foot?.getAttribute("class"), "finance-result finance-result--surplus");
    assert.deepEqual(rows(html, "finance-summary", "tfoot")[0], ["Result (surplus)", "€149.70", "€500.10", "−€350.40", "−70.1%"]);
    const balanced = financeTablesHtml({ ...older, outcome: "balanced" }, en);
    assert.match(balanced, /finance-result--balanced"><strong>Result for the 2023-2024 financial year: break-even/);
    const deficit = financeTablesHtml(starter[1] as Exercice, fr);
    assert.match(deficit, /finance-result--deficit"><strong>Résultat de l’exercice 2024-2025\u00a0: déficit de 320,45/);
  });

  it("says n/a rather than a percent when the result changes sign", () => {
    const result = rows(financeTablesHtml(starter[1] as Exercice, fr), "finance-summary", "tfoot")[0] ?? [];
    assert.equal(Math.sign(starter[1]!.totals.result) * Math.sign(starter[1]!.previous!.totals.result.previous), -1, "the starter's result changes sign");
    assert.equal(result.at(-1), "n.\u00a0s.");
    assert.match(financeTablesHtml(starter[1] as Exercice, en), /<abbr title="not applicable">n\/a<\/abbr>/);
  });

  it("compares every category of either year, saying when one is new", () => {
    const income = rows(financeTablesHtml(newer, en), "finance-income");
    assert.deepEqual(income.map((r) => r[0]), ["Membership fees", "Donations", "Grants"]);
    assert.deepEqual(income[1]?.slice(1), ["€0.00", "€400.30", "−€400.30", "−100%"]);
    assert.deepEqual(income[2]?.slice(3), ["+€300.00", "new"]);
  });

  it("shows one amount column and no change without a previous exercice", () => {
    const html = financeTablesHtml(older, en);
    assert.deepEqual(rows(html, "finance-summary", "thead")[0], ["Item", "2023-2024"]);
    assert.doesNotMatch(html, /compared with/);
    assert.equal(parse(html).querySelector("table.finance-budget"), null);
  });

  it("lists the detail lines of a category under its name, escaped", () => {
    const html = financeTablesHtml(older, en);
    assert.match(html, /<ul class="finance-lines"><li>Donations: €400\.10<\/li><li>Gift from a &quot;founding&quot; member: €0\.20<\/li><\/ul>/);
    assert.match(financeTablesHtml(older, fr), /Don d'un membre &lt;fondateur>\u00a0: 0,20/);
  });

  it("sets the budget against this year's actual figures", () => {
    const html = financeTablesHtml(newer, fr);
    assert.deepEqual(rows(html, "finance-budget", "thead")[0], ["Catégorie", "Budget 2025-2026", "Réalisé 2024-2025"]);
    const body = rows(html, "finance-budget");
    assert.deepEqual(body[0], ["Produits"]);
    assert.deepEqual(body[1], ["Cotisations", `1${NNBSP}300,00${NBSP}€`, `1${NNBSP}200,00${NBSP}€`]);
    assert.deepEqual(rows(html, "finance-budget", "tfoot").map((r) => r[0]), ["Total des produits", "Total des charges", "Résultat (+\u00a0excédent, \u2212\u00a0déficit)"]);
    // each amount carries its own sign: the budget's surplus and the actual deficit can sit side by side
    assert.deepEqual(rows(financeTablesHtml(starter[1] as Exercice, fr), "finance-budget", "tfoot")[2]?.slice(1).map((a) => a.slice(0, 1)), ["+", "\u2212"]);
  });

  it("says when figures are examples and when exercices differ in length", () => {
    assert.match(financeTablesHtml(newer, fr), /<p class="finance-example">Ces chiffres sont des exemples/);
    const shorter: Exercice = { ...newer, months: 8, example: false };
    const html = financeTablesHtml(shorter, en);
    assert.doesNotMatch(html, /finance-example/);
    assert.match(html, /The 2024-2025 financial year lasts 8 months and 2023-2024 lasted 12/);
  });
});
