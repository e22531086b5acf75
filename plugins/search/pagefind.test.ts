import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { distinctUrls, urlOf, writeSearchIndex } from "./pagefind.ts";
import type { PdfRecord } from "./pdf-records.ts";

const record = (url: string, language: string): PdfRecord => ({ url, language, content: "", meta: { title: url }, filters: {} });

test("a PDF linked from both languages keeps its address in the default language, the other gets a fragment", () => {
  const out = distinctUrls([record("/r/rapport.pdf", "en"), record("/r/rapport.pdf", "fr"), record("/r/report.pdf", "en")], "fr");
  assert.deepEqual(
    out.map((r) => `${r.language} ${r.url}`),
    ["en /r/rapport.pdf#en", "fr /r/rapport.pdf", "en /r/report.pdf"],
  );
});

test("output files map to the URLs pages are served at", () => {
  assert.equal(urlOf("index.html"), "/");
  assert.equal(urlOf("en/docs/ecrire/index.html"), "/en/docs/ecrire/");
  assert.equal(urlOf("404.html"), "/404.html");
});

// npm start indexes the whole output again after a rebuild; a save while it
// reads the pages stops it: nothing is written, Pagefind's process is stopped
// at once, and the next indexing starts a new one.
test("an indexing made outdated by a save writes nothing, and the next one indexes every page", async () => {
  const output = mkdtempSync(path.join(tmpdir(), "search-outdated-"));
  try {
    const site = { url: "https://example.org", defaultLanguage: "fr" };
    for (let n = 0; n < 40; n++) {
      mkdirSync(path.join(output, `p${n}`));
      const body = `<h1>Page ${n}</h1><p>Le compte rendu numéro ${n} de la permanence.</p>`;
      writeFileSync(path.join(output, `p${n}`, "index.html"), `<!doctype html><html lang="fr"><head><title>Page ${n}</title></head><body><main data-pagefind-body>${body}</main></body></html>`);
    }
    let read = 0;
    const stopped = await writeSearchIndex(output, site, {}, () => ++read > 10);
    assert.equal(stopped, undefined);
    assert.equal(existsSync(path.join(output, "pagefind")), false);
    const summary = await writeSearchIndex(output, site);
    assert.deepEqual(summary, { pages: 40, pdfs: 0, languages: { fr: 40 } });
    assert.ok(JSON.parse(readFileSync(path.join(output, "pagefind", "pagefind-entry.json"), "utf8")).languages.fr);
    // Pagefind's scripts whole: a process stopped too early once cut one short (a syntax error in the browser).
    for (const script of ["pagefind.js", "pagefind-worker.js", "pagefind-ui.js"]) {
      const check = spawnSync(process.execPath, ["--check", path.join(output, "pagefind", script)], { encoding: "utf8" });
      assert.equal(check.status, 0, `${script}: ${check.stderr}`);
    }
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});

// A build whose output goes to a log file (`npm run build > build.log 2>&1`,
// a CI runner) hands that file to Pagefind's process as its stderr. Waiting
// for Pagefind's writes must not wait for that file to close: it stays open
// until the process exits, and the wait lasted until its timeout (10 s a build).
test("Pagefind is stopped once its files are written, when its stderr is a log file", { timeout: 60_000 }, () => {
  const output = mkdtempSync(path.join(tmpdir(), "search-stderr-"));
  try {
    writeFileSync(path.join(output, "page.html"), `<!doctype html><html lang="fr"><head><title>Page</title></head><body><main data-pagefind-body><h1>Compte rendu</h1></main></body></html>`);
    // With a wait of ten minutes, a wait on the log file outlasts the test's timeout.
    const script = `
      import * as pagefind from "pagefind";
      const { index } = await pagefind.createIndex({});
      await index.addDirectory({ path: ${JSON.stringify(output)} });
      await index.writeFiles({ outputPath: ${JSON.stringify(path.join(output, "pagefind"))} });
      console.log(await pagefind.closeGracefully(600_000));`;
    const log = path.join(output, "build.log");
    const child = spawnSync("sh", ["-c", `"${process.execPath}" --input-type=module -e '${script}' 2>"${log}"`], { encoding: "utf8", timeout: 30_000 });
    assert.equal(child.signal, null, "the build was still waiting for Pagefind after 30 s");
    assert.equal(child.stdout.trim(), "true", readFileSync(log, "utf8"));
    assert.ok(existsSync(path.join(output, "pagefind", "pagefind-entry.json")));
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});
