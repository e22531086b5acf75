import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareExercicesNewestFirst, groupByExercice, reportOf } from "./reports.ts";

const ZONE = "Europe/Paris";
const item = (url: string, exercice: string, kind: string, date: string) => ({
  url,
  data: { title: url, exercice, kind, date },
});

describe("reports in lists", () => {
  it("orders exercices newest first, whether they span two years or one", () => {
    const names = ["2023-2024", "2025", "2024-2025", "2022-2023", "2024"];
    assert.deepEqual([...names].sort(compareExercicesNewestFirst), ["2025", "2024-2025", "2024", "2023-2024", "2022-2023"]);
  });

  it("groups by exercice and shows moral, financial, then assembly within one", () => {
    const groups = groupByExercice(
      [
        item("/a", "2023-2024", "assembly", "2025-02-08T14:00"),
        item("/b", "2024-2025", "financial", "2025-11-15"),
        item("/c", "2023-2024", "moral", "2025-02-08"),
        item("/d", "2024-2025", "moral", "2025-11-15"),
        item("/e", "2023-2024", "financial", "2025-02-08"),
      ],
      ZONE,
    );
    assert.deepEqual(
      groups.map((g) => [g.exercice, g.items.map((i) => i.url)]),
      [
        ["2024-2025", ["/d", "/b"]],
        ["2023-2024", ["/c", "/e", "/a"]],
      ],
    );
  });

  it("reads the date as a wall-clock time in the site's zone", () => {
    const report = reportOf({ title: "PV", exercice: "2024-2025", kind: "assembly", date: "2025-11-15T14:00" }, ZONE);
    assert.equal(report.date.toISO({ suppressMilliseconds: true }), "2025-11-15T14:00:00+01:00");
    assert.equal(report.example, false);
  });

  it("accepts a calendar-year exercice written as a number", () => {
    assert.equal(reportOf({ title: "R", exercice: 2024, kind: "moral", date: "2025-03-01" }, ZONE).exercice, "2024");
  });
});
