import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { startIndexer } from "./indexer.ts";

const site = { url: "https://example.org", defaultLanguage: "fr" };

/** An output folder of `count` French pages. */
function output(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "search-indexer-"));
  for (let n = 0; n < count; n++) {
    mkdirSync(path.join(dir, `p${n}`));
    const body = `<h1>Page ${n}</h1><p>Le compte rendu numéro ${n} de la permanence.</p>`;
    writeFileSync(path.join(dir, `p${n}`, "index.html"), `<!doctype html><html lang="fr"><head><title>Page ${n}</title></head><body><main data-pagefind-body>${body}</main></body></html>`);
  }
  return dir;
}

test("npm start's indexer runs at the lowest priority and writes the index of every page", async () => {
  const dir = output(30);
  try {
    const indexer = startIndexer({ output: dir, site, options: {} });
    if (process.platform !== "win32") assert.equal(getPriority(indexer.pid), 19);
    assert.deepEqual(await indexer.done, { pages: 30, pdfs: 0, languages: { fr: 30 } });
    assert.ok(JSON.parse(readFileSync(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8")).languages.fr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an indexer stopped while it reads the pages (a save came) writes nothing", async () => {
  // 2,000 pages take seconds to read and index; the stop comes well before the end.
  const dir = output(2000);
  try {
    const indexer = startIndexer({ output: dir, site, options: {} });
    await new Promise((resolve) => setTimeout(resolve, 400));
    indexer.stop();
    assert.equal(await indexer.done, undefined);
    assert.equal(existsSync(path.join(dir, "pagefind")), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
