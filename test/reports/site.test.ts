/**
 * The reports of a small site (test/fixtures/reports-site): two exercices of
 * figures, reports in French and English, one set of minutes in French only.
 * The expected figures are worked out by hand from the fixture's YAML files.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { parse, type HTMLElement } from "node-html-parser";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { buildSite, fixtureDir, type BuiltSite } from "../helpers/build.ts";

// Intl's own characters: a narrow no-break space groups thousands in French, a no-break space precedes € and %.
const NNBSP = "\u202f";
const NBSP = "\u00a0";
const fr = (amount: string) => `${amount.replace(" ", NNBSP)}${NBSP}€`;

let site: BuiltSite;
const page = (url: string): HTMLElement => parse(site.read(`${url.replace(/^\//, "")}index.html`));
// Only ASCII white space is collapsed: the no-break spaces of amounts must stay what Intl wrote.
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? "").replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, "");

before(async () => {
  site = await buildSite({ fixture: "reports-site" });
});

describe("report pages", () => {
  test("every report exists in both languages at the same slug, the untranslated one included", () => {
    for (const url of [
      "/reports/2023-2024/rapport-moral/",
      "/reports/2023-2024/rapport-financier/",
      "/reports/2024-2025/rapport-moral/",
      "/reports/2024-2025/rapport-financier/",
      "/reports/2024-2025/assemblee-generale/",
    ]) {
      assert.ok(site.exists(`${url.slice(1)}index.html`), url);
      assert.ok(site.exists(`en${url}index.html`), `/en${url}`);
    }
    const untranslated = page("/en/reports/2024-2025/assemblee-generale/");
    assert.equal(untranslated.querySelector("h1")?.getAttribute("lang"), "fr");
    assert.ok(untranslated.querySelector('meta[name="robots"][content="noindex"]'));
  });

  test("the financial tables are named by a title, have scoped headers and amounts written per language", () => {
    const frPage = page("/reports/2023-2024/rapport-financier/");
    const enPage = page("/en/reports/2023-2024/rapport-financier/");
    for (const root of [frPage, enPage]) {
      const tables = root.querySelectorAll("table");
      assert.ok(tables.length >= 4, `${tables.length} tables`);
      for (const table of tables) {
        assert.ok(text(root.querySelector(`#${table.getAttribute("aria-labelledby")}`)), "a title");
        for (const th of table.querySelectorAll("th")) assert.ok(["col", "row", "rowgroup"].includes(th.getAttribute("scope") ?? ""), th.outerHTML);
      }
    }
    // 1000 + 234.56 of income.
    const income = (root: HTMLElement) => text(root.querySelector(".finance-summary tbody tr td"));
    assert.equal(income(frPage), fr("1 234,56"));
    assert.equal(income(enPage), "€1,234.56");
  });

  test("the result is said in words and marked, in the sentence and in the summary", () => {
    // 2024-2025: 1500.50 of income, 950 + 500 + 300.25 = 1750.25 of expenses.
    const frPage = page("/reports/2024-2025/rapport-financier/");
    const enPage = page("/en/reports/2024-2025/rapport-financier/");
    assert.equal(text(frPage.querySelector("p.finance-result--deficit strong")), `Résultat de l’exercice 2024-2025\u00a0: déficit de ${fr("249,75")}.`);
    assert.equal(text(enPage.querySelector("p.finance-result--deficit strong")), "Result for the 2024-2025 financial year: deficit of €249.75.");
    const row = frPage.querySelector(".finance-summary tfoot tr.finance-result--deficit");
    assert.ok(row, "the result row is marked");
    assert.equal(text(row.querySelector("th")), "Résultat (déficit)");
    // 2023-2024 ended on a surplus of 334.56.
    assert.ok(page("/reports/2023-2024/rapport-financier/").querySelector("p.finance-result--surplus"));
  });

  test("2024-2025 is compared with 2023-2024, category by category", () => {
    const root = page("/reports/2024-2025/rapport-financier/");
    const summary = root.querySelector(".finance-summary")!;
    assert.deepEqual(
      summary.querySelectorAll("thead th").map(text),
      ["Poste", "2024-2025", "2023-2024", "Évolution", "Évolution en\u00a0%"],
    );
    // Income 1500.50 against 1234.56: +265.94, that is +21.5 %.
    const income = summary.querySelector("tbody tr")!.querySelectorAll("td").map(text);
    assert.deepEqual(income, [fr("1 500,50"), fr("1 234,56"), `+${fr("265,94")}`, `+21,5${NBSP}%`]);
    // Hardware did not exist in 2023-2024: no percentage, the word "nouveau" instead; its two lines are listed.
    const hardware = root.querySelectorAll(".finance-expenses tbody tr").find((tr) => text(tr.querySelector("th")).startsWith("Matériel"))!;
    assert.deepEqual(hardware.querySelectorAll("td").map(text), [fr("800,25"), `0,00${NBSP}€`, `+${fr("800,25")}`, "nouveau"]);
    assert.deepEqual(hardware.querySelectorAll(".finance-lines li").map(text), [`Disques\u00a0: ${fr("500,00")}`, `Onduleur\u00a0: ${fr("300,25")}`]);
    const en = page("/en/reports/2024-2025/rapport-financier/").querySelector(".finance-summary tbody tr")!;
    assert.deepEqual(en.querySelectorAll("td").map(text), ["€1,500.50", "€1,234.56", "+€265.94", "+21.5%"]);
  });

  test("the chart is an inline, well-formed SVG with a title and a description, and no script", () => {
    for (const url of ["/reports/2024-2025/rapport-financier/", "/en/reports/2024-2025/rapport-financier/"]) {
      const html = site.read(`${url.slice(1)}index.html`);
      const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0];
      assert.ok(svg, `${url} has an inline SVG`);
      assert.equal(XMLValidator.validate(svg), true);
      const root = parse(html);
      const chart = root.querySelector("svg.finance-chart")!;
      assert.equal(chart.getAttribute("role"), "img");
      const [titleId, descId] = chart.getAttribute("aria-labelledby")!.split(" ");
      assert.match(text(chart.querySelector(`title#${titleId}`)), /2024-2025/);
      assert.match(text(chart.querySelector(`desc#${descId}`)), /1[\s\u202f,]?500[.,]50/);
      assert.equal(root.querySelectorAll("script").length, 0);
      // The figure points at the tables that carry the same figures as text.
      const link = root.querySelector(".report-chart figcaption a")!.getAttribute("href")!;
      assert.ok(root.querySelector(link), `${link} exists`);
    }
  });

  test("example figures are marked as such, real ones are not", () => {
    assert.equal(text(page("/reports/2023-2024/rapport-financier/").querySelector(".report-example-label")), "Chiffres d’exemple");
    assert.equal(text(page("/en/reports/2023-2024/rapport-financier/").querySelector(".report-example-label")), "Example figures");
    assert.equal(page("/reports/2024-2025/rapport-financier/").querySelector(".report-example"), null);
  });

  test("the PDF is published once, linked from both languages with its size", () => {
    const bytes = readFileSync(path.join(fixtureDir("reports-site"), "content/reports/2023-2024/rapport-moral/rapport-moral-2023-2024.pdf"));
    const url = "/reports/2023-2024/rapport-moral/rapport-moral-2023-2024.pdf";
    assert.ok(readFileSync(path.join(site.output, url)).equals(bytes));
    const kb = Math.round(bytes.length / 1000);
    for (const [pageUrl, size] of [
      ["/reports/2023-2024/rapport-moral/", `PDF, ${kb} Ko`],
      ["/en/reports/2023-2024/rapport-moral/", `PDF, ${kb} KB`],
    ] as const) {
      const link = page(pageUrl).querySelector("a.report-pdf")!;
      assert.equal(link.getAttribute("href"), url);
      assert.equal(link.getAttribute("type"), "application/pdf");
      assert.match(text(link), new RegExp(`\\(${size}\\)$`));
    }
  });

  test("each report links the other documents of its exercice and the index", () => {
    const links = page("/reports/2024-2025/rapport-moral/").querySelectorAll(".report-nav a").map((a) => a.getAttribute("href"));
    assert.deepEqual(links, ["/reports/2024-2025/rapport-financier/", "/reports/2024-2025/assemblee-generale/", "/reports/"]);
  });
});

describe("the reports index", () => {
  test("lists exercices newest first, each report with its kind and date, in each language", () => {
    const frIndex = page("/reports/");
    assert.deepEqual(frIndex.querySelectorAll(".report-exercice h2").map(text), ["Exercice 2024-2025", "Exercice 2023-2024"]);
    assert.deepEqual(
      frIndex.querySelectorAll(".report-exercice")[0]!.querySelectorAll(".report-item-title a").map(text),
      ["Rapport moral 2024-2025", "Rapport financier 2024-2025", "Procès-verbal de l’assemblée du 15 novembre 2025"],
    );
    assert.match(text(frIndex.querySelector(".report-item .meta")), /^Rapport moral · Présenté le 15 novembre 2025$/);
    const enIndex = page("/en/reports/");
    assert.deepEqual(enIndex.querySelectorAll(".report-exercice h2").map(text), ["Financial year 2024-2025", "Financial year 2023-2024"]);
    // The minutes are not translated: listed in French, and said to be.
    const minutes = enIndex.querySelectorAll(".report-item").find((li) => text(li).includes("Procès-verbal"))!;
    assert.equal(minutes.querySelector("a")!.getAttribute("lang"), "fr");
    assert.match(text(minutes), /\(in French\)/);
  });

  test("shows the PDFs with their size, and the exercice's dates from its figures", () => {
    const root = page("/en/reports/");
    const pdfs = root.querySelectorAll("a.report-pdf").map((a) => [a.getAttribute("href"), text(a)]);
    const size = (file: string) => Math.round(readFileSync(path.join(fixtureDir("reports-site"), "content", file)).length / 1000);
    assert.deepEqual(pdfs, [
      ["/reports/2024-2025/rapport-financier/financial-report-2024-2025.pdf", `Financial report 2024-2025 (PDF, ${size("reports/2024-2025/rapport-financier/financial-report-2024-2025.pdf")} KB)`],
      ["/reports/2023-2024/rapport-moral/rapport-moral-2023-2024.pdf", `Activity report 2023-2024 (PDF, ${size("reports/2023-2024/rapport-moral/rapport-moral-2023-2024.pdf")} KB)`],
    ]);
    assert.equal(text(root.querySelector(".report-exercice .meta")), "From 1 September 2024 to 31 August 2025");
  });
});

describe("the report pages as HTML", () => {
  test("pass html-validate with the project's rules (recommended preset)", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = site.files.filter((f) => /(^|\/)reports\/.*index\.html$/.test(f));
    assert.ok(files.length >= 12, `${files.length} pages`);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(site.read(file), path.join(PROJECT_ROOT, "_site", file));
      for (const m of report.results.flatMap((r) => r.messages)) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    assert.deepEqual(errors, []);
  });

  test("link the report styles and the print stylesheet, both built", () => {
    const links = page("/reports/2024-2025/rapport-financier/").querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute("href"));
    assert.ok(links.includes("/assets/reports.css") && links.includes("/assets/print.css"), links.join(", "));
    const css = site.read("assets/reports.css");
    assert.match(css, /\.finance-chart/);
    assert.match(css, /\.finance-table/);
    assert.match(site.read("assets/print.css"), /@media print/);
  });
});
