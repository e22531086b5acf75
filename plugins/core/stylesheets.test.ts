/**
 * npm run build keeps each stylesheet's minified text for the next build
 * (./stylesheets.ts): a stylesheet as it was takes it, a changed one is minified again.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import type { AfterBuildEvent, EleventyConfig } from "./eleventy.ts";
import { changeStore, useKeptResultsPlace } from "./kept-results.ts";
import { minifiedCss, minifiedStylesheets } from "./stylesheets.ts";

const root = mkdtempSync(path.join(tmpdir(), "stylesheets-"));
after(() => rmSync(root, { recursive: true, force: true }));

const SOURCE = "/* The site's colours. */\n.note {\n  color: #336;\n  margin: 0 0 1rem 0;\n}\n";

/** The handler the plugin gives Eleventy, run as after a build of `output`. */
async function afterBuild(output: string): Promise<void> {
  let handler: ((event: AfterBuildEvent) => Promise<void>) | undefined;
  minifiedStylesheets({ on: (_event: string, fn: typeof handler) => void (handler = fn) } as unknown as EleventyConfig, "assets");
  await handler!({ directories: { output }, runMode: "build", outputMode: "fs" } as AfterBuildEvent);
}

test("a stylesheet as the last build found it takes the minified text kept then; a changed one is minified again", async () => {
  const output = path.join(root, "_site");
  const css = path.join(output, "assets/site.css");
  const kept = path.join(root, "kept");
  useKeptResultsPlace({ dir: kept, code: "test" });
  try {
    mkdirSync(path.dirname(css), { recursive: true });
    writeFileSync(css, SOURCE);
    await afterBuild(output);
    const minified = await minifiedCss(SOURCE);
    assert.equal(readFileSync(css, "utf8"), minified);

    // What the next build takes is what was kept: marked, the mark shows.
    const store = path.join(kept, "minified-css.json");
    changeStore<string>(store, (text) => `${text}/*kept*/`);
    writeFileSync(css, SOURCE); // Eleventy copies the source again at each build
    await afterBuild(output);
    assert.equal(readFileSync(css, "utf8"), `${minified}/*kept*/`);

    const edited = SOURCE.replace("#336", "#a33");
    writeFileSync(css, edited);
    await afterBuild(output);
    assert.equal(readFileSync(css, "utf8"), await minifiedCss(edited));
  } finally {
    useKeptResultsPlace(undefined);
  }
});
