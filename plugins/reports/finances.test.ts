import assert from "node:assert/strict";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { ContentError } from "../core/problems.ts";
import { useKeptResultsPlace } from "../core/kept-results.ts";
import { checkFinances, findExercice, keptFinances, loadFinances, plain, readFinances } from "./finances.ts";

const FIXTURES = "plugins/reports/fixtures";

describe("loadFinances on two valid exercices", () => {
  const finances = loadFinances(`${FIXTURES}/valid`);
  const [older, newer] = finances.exercices;

  it("sorts exercices oldest first and names their files from the project root", () => {
    assert.deepEqual(finances.exercices.map((e) => e.exercice), ["2023-2024", "2024-2025"]);
    assert.equal(newer?.file, `${FIXTURES}/valid/2024-2025.yaml`);
    assert.equal(newer?.months, 12);
    assert.equal(findExercice(finances, "2023-2024"), older);
  });

  it("adds the lines exactly, in cents", () => {
    assert.deepEqual(older?.totals, { income: 140030, expenses: 90020, result: 50010, inKind: 200000 });
    assert.deepEqual(newer?.totals, { income: 150000, expenses: 135030, result: 14970, inKind: 250000 });
    assert.equal(older?.outcome, "surplus");
  });

  it("groups lines by category in the order of categories.yaml, keeping each line", () => {
    const dons = older?.income.find((c) => c.code === "dons");
    assert.equal(dons?.amount, 40030);
    assert.equal(dons?.lines.length, 2);
    assert.equal(dons?.lines[1]?.label?.en, 'Gift from a "founding" member');
    assert.deepEqual(newer?.expenses.map((c) => c.code), ["serveurs", "noms-de-domaine", "assurance", "frais-bancaires"]);
  });

  it("compares each exercice with the one before, total by total", () => {
    assert.equal(older?.previous, undefined);
    const totals = newer?.previous?.totals;
    assert.equal(newer?.previous?.exercice, "2023-2024");
    assert.deepEqual(totals?.income && { ...totals.income, percent: round(totals.income.percent) }, {
      current: 150000,
      previous: 140030,
      absolute: 9970,
      percent: 7.12,
    });
    assert.equal(totals?.expenses.absolute, 45010);
    assert.equal(round(totals?.expenses.percent ?? null), 50);
    assert.equal(totals?.result.absolute, -35040);
    assert.equal(round(totals?.result.percent ?? null), -70.07);
    assert.equal(totals?.inKind.percent, 25);
  });

  it("compares category by category, including categories of only one year", () => {
    const income = newer?.previous?.income ?? [];
    assert.deepEqual(income.map((c) => c.code), ["cotisations", "dons", "subventions"]);
    const dons = income.find((c) => c.code === "dons");
    assert.deepEqual(dons && { current: dons.current, previous: dons.previous, percent: dons.percent }, { current: 0, previous: 40030, percent: -100 });
    const grants = income.find((c) => c.code === "subventions");
    assert.equal(grants?.percent, null); // nothing the year before: no percentage
    assert.equal(grants?.absolute, 30000);
  });

  it("computes the next budget and sets it against this year's actual figures", () => {
    const budget = newer?.budget;
    assert.equal(budget?.exercice, "2025-2026");
    assert.deepEqual(budget?.totals, { income: 160000, expenses: 145030, result: 14970 });
    const servers = budget?.versusActual.expenses.find((c) => c.code === "serveurs");
    assert.deepEqual(servers && [servers.current, servers.previous], [110000, 100000]);
  });
});

describe("loadFinances on wrong files", () => {
  it("stops on a declared total that disagrees with the lines, naming file, line and field", () => {
    const error = catchError(() => loadFinances(`${FIXTURES}/mismatch`));
    assert.equal(error.problems.length, 1);
    const [problem] = error.problems;
    assert.equal(problem?.file, `${FIXTURES}/mismatch/2024-2025.yaml`);
    assert.equal(problem?.line, 16);
    assert.equal(problem?.field, "declared.expenses");
    assert.match(problem?.message ?? "", /declared 1000\.00 but the expense lines add up to 1000\.20/);
    assert.match(error.message, /plugins\/reports\/fixtures\/mismatch\/2024-2025\.yaml:16 · declared\.expenses/);
  });

  it("stops on an unknown category, naming file, line and the known codes", () => {
    const error = catchError(() => loadFinances(`${FIXTURES}/unknown-category`));
    assert.equal(error.problems.length, 1);
    const [problem] = error.problems;
    assert.equal(problem?.file, `${FIXTURES}/unknown-category/2024-2025.yaml`);
    assert.equal(problem?.line, 11);
    assert.equal(problem?.field, "expenses.1.category");
    assert.match(problem?.message ?? "", /unknown expense category "serveur": expected one of serveurs,/);
  });

  it("lists every problem of every file at once, in line order", () => {
    const problems = checkFinances(`${FIXTURES}/many-problems`);
    const where = problems.map((p) => `${path.basename(p.file)}:${p.line ?? "-"} ${p.field ?? ""}`);
    assert.deepEqual(where, [
      "2023.yaml:8 expenses.0.category",
      "2024-2025.yaml:7 income.0.amount",
      "2024-2025.yaml:9 income.1.amount",
      "2024-2025.yaml:13 expenses.0.lable",
      "2024-2025.yaml:14 expenses.1.category",
      "2024-2025.yaml:19 budget.income.0.label.en",
      "budget-2025.yaml:- ",
    ]);
    assert.match(problems[4]?.message ?? "", /"cotisations" is an income category, not an expense one/);
  });

  it("returns no problem and no exercice for a site without finances", () => {
    assert.deepEqual(checkFinances(`${FIXTURES}/does-not-exist`), []);
    assert.deepEqual(loadFinances(`${FIXTURES}/does-not-exist`).exercices, []);
  });
});

describe("checks across files", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "finances-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  const categories = readFileSync(`${FIXTURES}/valid/categories.yaml`, "utf8");
  const write = (dir: string, files: Record<string, string>) => {
    mkdirSync(path.join(root, dir), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, dir, name), text);
    return checkFinances(dir, { root });
  };
  const exercice = (name: string, start: string, end: string, extra = "") =>
    `exercice: ${name}\nstart: ${start}\nend: ${end}\n${extra}income:\n  - category: cotisations\n    amount: 10\n`;

  it("refuses overlapping exercices and a change of currency", () => {
    const problems = write("overlap", {
      "categories.yaml": categories,
      "2023-2024.yaml": exercice("2023-2024", "2023-09-01", "2024-08-31"),
      "2024-2025.yaml": exercice("2024-2025", "2024-08-01", "2025-07-31", "currency: CHF\n"),
    });
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line} ${p.field}`), ["overlap/2024-2025.yaml:2 start", "overlap/2024-2025.yaml:4 currency"]);
    assert.match(problems[0]?.message ?? "", /before 2023-2024 ends \(2024-08-31\)/);
  });

  it("checks the name against the file and the dates", () => {
    const problems = write("names", {
      "categories.yaml": categories,
      "2024-2025.yaml": exercice("2024-2026", "2023-09-01", "2025-08-31"),
    });
    assert.deepEqual(problems.map((p) => p.field), ["exercice", "exercice", "start", "end"]);
  });

  it("needs categories.yaml, and a code in one kind only", () => {
    assert.match(write("no-categories", { "2024.yaml": exercice("2024", "2024-01-01", "2024-12-31") })[0]?.message ?? "", /^missing/);
    const twice = "income:\n  dons: { fr: Dons, en: Gifts }\nexpenses:\n  serveurs: { fr: Serveurs, en: Servers }\n  dons: { fr: Dons, en: Gifts }\n";
    const problems = write("twice", { "categories.yaml": twice });
    assert.deepEqual(problems.map((p) => `${p.line} ${p.field}`), ["5 expenses.dons"]);
    assert.match(problems[0]?.message ?? "", /already an income category/);
  });

  it("reports a YAML syntax error with its line", () => {
    const problems = write("syntax", { "categories.yaml": categories, "2024.yaml": "exercice: 2024\nstart: [2024-01-01\n" });
    assert.equal(problems[0]?.file, "syntax/2024.yaml");
    assert.equal(typeof problems[0]?.line, "number");
    assert.match(problems[0]?.message ?? "", /YAML is not valid/);
  });
});

describe("starter data in data/finances", () => {
  it("loads two example exercices whose declared totals match", () => {
    const { exercices } = loadFinances("data/finances");
    assert.deepEqual(exercices.map((e) => e.exercice), ["2023-2024", "2024-2025"]);
    assert.ok(exercices.every((e) => e.example), "starter figures must be marked as examples");
    assert.equal(exercices[1]?.previous?.exercice, "2023-2024");
    assert.equal(exercices[1]?.outcome, "deficit");
  });
});

describe("plain", () => {
  it("writes cents the way the treasurer types them", () => {
    assert.equal(plain(100020), "1000.20");
    assert.equal(plain(-32045), "-320.45");
    assert.equal(plain(5), "0.05");
  });
});

function catchError(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected a ContentError");
}

function round(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

describe("keptFinances, for npm run build", () => {
  it("gives what reading the files gives, lists of categories included, and reads them again when one changed", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "finances-kept-"));
    after(() => rmSync(root, { recursive: true, force: true }));
    cpSync(`${FIXTURES}/valid`, path.join(root, "finances"), { recursive: true });
    useKeptResultsPlace({ dir: path.join(root, "kept"), code: "test" });
    try {
      const read = () => readFinances("finances", { root });
      const first = read();
      assert.ok(first.finances.exercices.length > 0 && first.finances.categories.income.size > 0);
      assert.deepEqual(keptFinances("finances", { root }), first, "worked out, then kept");
      const kept = keptFinances("finances", { root });
      assert.deepEqual(kept, first, "from what was kept");
      assert.ok(kept.finances.categories.income instanceof Map);

      // A figure changed: the file is read again.
      const file = path.join(root, "finances", "2024-2025.yaml");
      const text = readFileSync(file, "utf8");
      const amount = /amount: (\d+)/.exec(text)!;
      writeFileSync(file, text.replace(amount[0], `amount: ${Number(amount[1]) + 1}`));
      const changed = keptFinances("finances", { root });
      assert.deepEqual(changed, read());
      assert.notDeepEqual(changed, first);
    } finally {
      useKeptResultsPlace(undefined);
    }
  });
});
