/**
 * The starter site's annual reports: two exercices of example figures, each
 * with its activity report, financial report and minutes in French and
 * English, their charts, tables and PDFs.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { parse, type HTMLElement } from "node-html-parser";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { readPdf } from "../helpers/pdf.ts";

const EXERCICES = ["2024-2025", "2023-2024"];
const REPORTS = ["rapport-moral", "rapport-financier", "assemblee-generale"];
const LANGS = [
  { prefix: "", kb: "Ko", example: "Chiffres d’exemple", exercice: "Exercice" },
  { prefix: "en/", kb: "KB", example: "Example figures", exercice: "Financial year" },
];

let site: BuiltSite;
const page = (file: string): HTMLElement => parse(site.read(file));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? "").replace(/[ \t\r\n]+/g, " ").trim();
const reportFiles = () => LANGS.flatMap((l) => EXERCICES.flatMap((e) => REPORTS.map((r) => `${l.prefix}reports/${e}/${r}/index.html`)));

before(async () => {
  site = await buildSite();
});

describe("the starter reports", () => {
  test("every report of both exercices is published in French and English, marked as an example", () => {
    for (const file of reportFiles()) {
      assert.ok(site.exists(file), file);
      const root = page(file);
      assert.ok(text(root.querySelector("h1")), `${file} has a title`);
      assert.ok(root.querySelector(".report-example"), `${file} says it is an example`);
      assert.equal(root.querySelector("h1")?.getAttribute("lang"), undefined, `${file} is translated`);
    }
  });

  test("the financial reports render their chart and tables, with example figures marked", () => {
    for (const { prefix, example } of LANGS) {
      for (const exercice of EXERCICES) {
        const root = page(`${prefix}reports/${exercice}/rapport-financier/index.html`);
        const chart = root.querySelector("svg.finance-chart");
        assert.ok(chart, `${prefix}${exercice} has its chart`);
        assert.ok(text(chart.querySelector("title")).includes(exercice));
        assert.ok(text(chart.querySelector("desc")));
        assert.ok(root.querySelectorAll("table.finance-table").length >= 4);
        assert.ok(root.querySelector("p.finance-result"), "the result is stated");
        assert.equal(text(root.querySelector(".report-example-label")), example);
      }
    }
    // 2024-2025 is compared with 2023-2024; 2023-2024 has no figures before it.
    assert.equal(page("reports/2024-2025/rapport-financier/index.html").querySelectorAll(".finance-summary thead th").length, 5);
    assert.equal(page("reports/2023-2024/rapport-financier/index.html").querySelectorAll(".finance-summary thead th").length, 2);
  });

  test("each PDF is a sound PDF titled like its page, in its language, linked with its size", async () => {
    for (const file of reportFiles()) {
      const root = page(file);
      const link = root.querySelector("a.report-pdf");
      assert.ok(link, `${file} links its PDF`);
      const href = link.getAttribute("href")!;
      const bytes = readFileSync(path.join(site.output, decodeURI(href)));
      const pdf = await readPdf(bytes);
      const title = text(root.querySelector("h1"));
      assert.equal(pdf.title, title, `${href} is titled like its page`);
      assert.equal(pdf.lang, file.startsWith("en/") ? "en" : "fr", href);
      assert.ok(pdf.pages[0]!.startsWith(title), `${href} opens with its title`);
      assert.equal(pdf.roles[1], "H1", `${href} is tagged`);
      const unit = file.startsWith("en/") ? "KB" : "Ko";
      assert.ok(text(link).endsWith(`(PDF, ${Math.round(bytes.length / 1000)} ${unit})`), text(link));
      assert.ok(bytes.length < 20_000, `${href} stays small (${bytes.length} bytes)`);
    }
  });

  test("the index lists the newest exercice first, with its three documents in order", () => {
    for (const { prefix, exercice } of LANGS) {
      const root = page(`${prefix}reports/index.html`);
      assert.deepEqual(root.querySelectorAll(".report-exercice h2").map(text), EXERCICES.map((e) => `${exercice} ${e}`));
      for (const [i, group] of root.querySelectorAll(".report-exercice").entries()) {
        const links = group.querySelectorAll(".report-item-title a").map((a) => a.getAttribute("href"));
        assert.deepEqual(links, REPORTS.map((r) => `/${prefix}reports/${EXERCICES[i]}/${r}/`));
        assert.equal(group.querySelectorAll("a.report-pdf").length, 3);
      }
    }
  });

  test("every page's footer leads to the reports of its language", () => {
    assert.ok(page("index.html").querySelector('.site-footer a[href="/reports/"]'));
    assert.ok(page("en/index.html").querySelector('.site-footer a[href="/en/reports/"]'));
  });

  test("the report pages and the index pass html-validate", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const file of [...reportFiles(), "reports/index.html", "en/reports/index.html"]) {
      const report = await validator.validateString(site.read(file), path.join(PROJECT_ROOT, "_site", file));
      for (const m of report.results.flatMap((r) => r.messages)) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    assert.deepEqual(errors, []);
  });
});
