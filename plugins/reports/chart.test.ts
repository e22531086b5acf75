import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { financeChartSvg } from "./chart.tsx";
import type { Exercice } from "./finance-compute.ts";
import { loadFinances } from "./finances.ts";
import { SITE_STRINGS } from "../../test/helpers/strings.ts";
import { financeLabels } from "./labels.ts";

const { exercices } = loadFinances("plugins/reports/fixtures/valid");
const [older, newer] = exercices as [Exercice, Exercice];
const fr = { lang: "fr", labels: financeLabels(SITE_STRINGS, "fr"), locale: "fr-FR" };
const en = { lang: "en", labels: financeLabels(SITE_STRINGS, "en"), locale: "en-GB" };

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["rect", "text", "g"].includes(name) });
const parse = (svg: string) => (parser.parse(svg) as { svg: Node }).svg;

describe("financeChartSvg", () => {
  it("is well-formed XML", () => {
    for (const e of exercices) {
      for (const options of [fr, en]) assert.equal(XMLValidator.validate(financeChartSvg(e, options)), true);
    }
  });

  it("is an image named by its title and described by its desc", () => {
    const svg = parse(financeChartSvg(newer, en));
    assert.equal(svg["@role"], "img");
    const title = svg.title as Node;
    const desc = svg.desc as Node;
    assert.equal(svg["@aria-labelledby"], `${title["@id"]} ${desc["@id"]}`);
    assert.equal(title["#text"], "Income and expenses by category, 2024-2025 financial year");
    assert.match(String(desc["#text"]), /Horizontal bar chart/);
    assert.match(String(desc["#text"]), /thick bar shows 2024-2025 and the thin bar below it 2023-2024/);
    assert.match(String(desc["#text"]), /Total income: €1,500\.00; total expenses: €1,350\.30; result: \+€149\.70\./);
  });

  it("says when the figures are examples", () => {
    const svg = financeChartSvg(newer, fr);
    assert.match(svg, /<desc [^>]*>Ces chiffres sont des exemples/);
    assert.match(svg, />Chiffres d’exemple</);
  });

  it("keeps its text size at every width: no viewBox, full width, bars in percent, no inline style", () => {
    const text = financeChartSvg(newer, fr);
    const svg = parse(text);
    assert.equal(svg["@viewBox"], undefined);
    assert.equal(svg["@width"], "100%");
    assert.match(String(svg["@height"]), /^\d+(\.\d+)?$/);
    const sizes = (svg.g as Node[]).flatMap((g) => (g.text as Node[] | undefined) ?? []).map((t) => Number(t["@font-size"]));
    assert.ok(sizes.every((s) => s >= 12 && s <= 16), sizes.join(" "));
    assert.ok(((svg.g as Node[])[1]?.rect as Node[]).every((r) => /%$/.test(String(r["@width"]))));
    assert.doesNotMatch(text, /style=|<style/);
  });

  it("draws a thick bar per category for this year and a thin one for the year before", () => {
    const sections = parse(financeChartSvg(newer, fr)).g as Node[];
    const income = sections.find((g) => g["@class"] === "fc-section fc-income") as Node;
    const bars = income.rect as Node[];
    // cotisations, dons, subventions: two bars each (both years)
    assert.equal(bars.length, 6);
    assert.deepEqual(bars.slice(0, 2).map((b) => b["@class"]), ["fc-bar fc-current", "fc-bar fc-previous"]);
    assert.ok(Number(bars[0]?.["@height"]) > Number(bars[1]?.["@height"]));
    const labels = (income.text as Node[]).map((t) => t["#text"]);
    assert.deepEqual(labels.filter((_, i) => [1, 4, 7].includes(i)), ["Cotisations", "Dons", "Subventions"]);
    assert.ok(labels.includes("1\u202f200,00\u00a0€"));
  });

  it("makes bar lengths proportional to the amounts", () => {
    const sections = parse(financeChartSvg(newer, fr)).g as Node[];
    const widths = sections.flatMap((g) => (g.rect as Node[] | undefined) ?? []).filter((r) => /%$/.test(String(r["@width"]))).map((r) => parseFloat(String(r["@width"])));
    const longest = Math.max(...widths);
    // Cotisations 1 200 € is the largest amount; Serveurs 1 000 € is 5/6 of it.
    const expenses = sections.find((g) => g["@class"] === "fc-section fc-expenses") as Node;
    const servers = parseFloat(String((expenses.rect as Node[])[0]?.["@width"]));
    assert.ok(Math.abs(servers / longest - 1000 / 1200) < 0.01, `${servers} / ${longest}`);
  });

  it("without a previous exercice, draws one bar per category and no legend", () => {
    const svg = parse(financeChartSvg(older, en));
    const groups = svg.g as Node[];
    assert.equal(groups.some((g) => g["@class"] === "fc-legend"), false);
    const income = groups.find((g) => g["@class"] === "fc-section fc-income") as Node;
    assert.equal((income.rect as Node[]).length, 2);
    assert.doesNotMatch(String((svg.desc as Node)["#text"]), /thin bar/);
  });

  it("escapes every text it writes", () => {
    const tricky: Exercice = {
      ...older,
      exercice: "2023-2024",
      income: [{ code: "dons", label: { fr: `Dons <b>"A&B"</b>`, en: "x" }, amount: 100, lines: [] }],
    };
    const svg = financeChartSvg(tricky, fr);
    assert.equal(XMLValidator.validate(svg), true);
    // the JSX escapes what could open markup in text ("<", "&"); ">" and "'" are harmless there.
    assert.match(svg, /Dons &lt;b>&quot;A&amp;B&quot;&lt;\/b>/);
  });

  it("gives distinct ids when asked, for two charts on one page", () => {
    const svg = parse(financeChartSvg(newer, { ...en, idPrefix: "compare" }));
    assert.equal((svg.title as Node)["@id"], "compare-chart-title");
  });
});
