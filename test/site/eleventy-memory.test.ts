import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { test } from "node:test";
import type { AfterBuildEvent } from "../../plugins/core/eleventy.ts";
import { buildContent, writeContent } from "../helpers/plugin-site.ts";

// patches/@11ty+eleventy+3.1.7.patch (its other tests: plugins/core/eleventy-patch.test.ts)
// bounds how many templates are rendered at once (every page's HTML was held
// until the last was written: 1 GiB at 4,000 posts) and, for a site that reads
// its pages in a transform (the link check), lets each page's HTML go once written.
test("the installed Eleventy renders 16 templates at a time and, when asked, keeps no written page's HTML", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "eleventy-patch-"));
  try {
    writeContent(root, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`page-${i}.md`, `# Page ${i}\n`])));
    let inFlight = 0;
    let most = 0;
    let results: AfterBuildEvent["results"] = [];
    const out = await buildContent(root, (cfg) => {
      cfg.configureTemplateHandling({ keepWrittenContent: false });
      cfg.addTransform("slow", async function (content) {
        most = Math.max(most, ++inFlight);
        await delay(5);
        inFlight--;
        return `${content}<!-- vu -->`;
      });
      cfg.on("eleventy.after", (event: AfterBuildEvent) => void (results = event.results));
    });
    assert.equal(most, 16);
    assert.equal(results.length, 40);
    assert.ok(results.every((r) => r.content === undefined && typeof r.outputPath === "string"));
    assert.equal(readFileSync(path.join(out, "page-7/index.html"), "utf8"), "<h1>Page 7</h1>\n<!-- vu -->");

    // Without the option, results keep each page's HTML, as Eleventy documents.
    await buildContent(root, (cfg) => cfg.on("eleventy.after", (event: AfterBuildEvent) => void (results = event.results)));
    assert.equal(results.find((r) => r.url === "/page-7/")?.content, "<h1>Page 7</h1>\n");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
