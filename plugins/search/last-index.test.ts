import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, afterEach, beforeEach, describe, it } from "node:test";
import { filesUnder } from "../core/files.ts";
import { contentDigest, useKeptResultsPlace } from "../core/kept-results.ts";
import { BUNDLE_DIR, finishIndex, SearchIndexWriter, writeSearchIndex, type IndexSummary } from "./pagefind.ts";

const site = { url: "https://example.org", defaultLanguage: "fr" };
const root = mkdtempSync(path.join(tmpdir(), "search-last-"));
/** Where the tests keep results, as a compiled build does in .cache/compiled/. */
const KEPT = { dir: path.join(root, "kept"), code: "test" };
after(() => rmSync(root, { recursive: true, force: true }));

function writePage(output: string, slug: string, lang: string, text: string, extra = ""): void {
  mkdirSync(path.join(output, slug), { recursive: true });
  const html = `<!doctype html><html lang="${lang}"><head><title>${slug}</title></head><body><main data-pagefind-body><h1>${slug}</h1><p>${text}</p>${extra}</main></body></html>`;
  writeFileSync(path.join(output, slug, "index.html"), html);
}

/**
 * What `npm run build` does with the search index (./indexing.worker.ts): every
 * HTML page of `output` handed to the writer as it would be once written, the
 * index written at the end; `content` stands for the folders the pages are made from.
 */
async function build(output: string, content: string): Promise<IndexSummary> {
  const writer = await SearchIndexWriter.open(site, {}, { bundleDir: path.join(output, BUNDLE_DIR), inputs: [content] });
  pagesRead.length = 0;
  for (const file of filesUnder(output, { skipPaths: [BUNDLE_DIR] }).filter((f) => f.endsWith(".html"))) {
    const absolute = path.join(output, file);
    const url = `/${file.replace(/index\.html$/, "")}`;
    // With the digest of its bytes, as the build's record of written files gives it.
    writer.addWritten(url, absolute, contentDigest(readFileSync(absolute)), () => {
      pagesRead.push(url);
      return readFileSync(absolute, "utf8");
    });
  }
  return finishIndex(writer, output, site);
}

/** The pages the last {@link build} read. */
const pagesRead: string[] = [];

/** Every file of the bundle folder with its bytes and modification time. */
function bundle(output: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const dir = path.join(output, BUNDLE_DIR);
  return new Map(filesUnder(dir).map((f) => [f, { bytes: readFileSync(path.join(dir, f)), mtimeMs: statSync(path.join(dir, f)).mtimeMs }]));
}

/** The same pages indexed into an empty folder, with nothing kept: what the index must be. */
async function cleanIndex(output: string): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
  const clean = mkdtempSync(path.join(root, "clean-"));
  cpSync(output, clean, { recursive: true });
  rmSync(path.join(clean, BUNDLE_DIR), { recursive: true, force: true });
  useKeptResultsPlace(undefined);
  try {
    await writeSearchIndex(clean, site);
  } finally {
    useKeptResultsPlace(KEPT);
  }
  return bundle(clean);
}

function assertSameIndex(actual: Map<string, { bytes: Buffer }>, expected: Map<string, { bytes: Buffer }>): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()]);
  for (const [file, { bytes }] of expected) {
    // Pagefind lists the languages in no set order.
    if (file === "pagefind-entry.json") assert.deepEqual(JSON.parse(actual.get(file)!.bytes.toString()), JSON.parse(bytes.toString()));
    else assert.ok(actual.get(file)!.bytes.equals(bytes), file);
  }
}

/** The text of every page in the index (its fragments). */
function indexedTexts(output: string): string[] {
  const dir = path.join(output, BUNDLE_DIR, "fragment");
  return filesUnder(dir).map((f) => (JSON.parse(gunzipSync(readFileSync(path.join(dir, f))).toString("utf8", "pagefind_dcd".length)) as { content: string }).content);
}

function untouched(before: Map<string, { mtimeMs: number }>, now: Map<string, { mtimeMs: number }>): boolean {
  return before.size === now.size && [...before].every(([file, { mtimeMs }]) => now.get(file)?.mtimeMs === mtimeMs);
}

describe("search index: the last one kept when the pages are the same (npm run build)", () => {
  let output: string;
  let content: string;
  let count = 0;
  beforeEach(async () => {
    useKeptResultsPlace(KEPT);
    count += 1;
    output = path.join(root, `site-${count}`, "_site");
    content = path.join(root, `site-${count}`, "content");
    mkdirSync(content, { recursive: true });
    for (let n = 0; n < 12; n++) {
      const lang = n % 3 ? "fr" : "en";
      writeFileSync(path.join(content, `p${n}.md`), `page ${n}`);
      writePage(output, `p${n}`, lang, lang === "fr" ? `Le compte rendu numéro ${n} de la permanence.` : `The minutes of drop-in session number ${n}.`);
    }
    writePage(output, "rapports", "fr", "Les rapports de l'année.", `<a href="/docs/rapport-2025.pdf">Rapport moral 2025</a>`);
    await build(output, content);
  });
  afterEach(() => useKeptResultsPlace(undefined));

  it("the same pages: nothing is written, and the index answers as before", async () => {
    const before = bundle(output);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await build(output, content), { pages: 13, pdfs: 1, languages: { en: 4, fr: 10 } });
    assert.ok(untouched(before, bundle(output)), "no file of the index was written again");
    assertSameIndex(bundle(output), await cleanIndex(output));
  });

  it("a page whose file is as the last index saw it is not read again; a changed one is, and the next build reads neither", async () => {
    await build(output, content);
    assert.deepEqual(pagesRead, []);
    // A page outside the index that changes at every build (the status page), and an indexed page edited.
    writePage(output, "p7", "fr", "Le compte rendu numéro sept, corrigé après la réunion.");
    writeFileSync(path.join(output, "etat.html"), `<!doctype html><html lang="fr"><body><p>État au ${Date.now()}</p></body></html>`);
    assert.deepEqual(await build(output, content), { pages: 13, pdfs: 1, languages: { en: 4, fr: 10 } });
    assert.deepEqual(pagesRead.sort(), ["/etat.html", "/p7/"]);
    assert.ok(indexedTexts(output).some((t) => t.includes("corrigé après la réunion")));
    assertSameIndex(bundle(output), await cleanIndex(output));
    const before = bundle(output);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(await build(output, content), { pages: 13, pdfs: 1, languages: { en: 4, fr: 10 } });
    assert.deepEqual(pagesRead, []);
    assert.ok(untouched(before, bundle(output)), "no file of the index was written again");
  });

  it("a page changed while its source looks the same (held pages sent late): the index holds the new text", async () => {
    writePage(output, "p7", "fr", "Le compte rendu numéro sept, corrigé après la réunion.");
    await build(output, content);
    const texts = indexedTexts(output);
    assert.ok(texts.some((t) => t.includes("corrigé après la réunion")));
    assert.ok(!texts.some((t) => t.includes("numéro 7 de la permanence")));
    assertSameIndex(bundle(output), await cleanIndex(output));
  });

  it("a page gone: it is no longer found", async () => {
    rmSync(path.join(output, "p4"), { recursive: true });
    unlinkSync(path.join(content, "p4.md"));
    assert.equal((await build(output, content)).pages, 12);
    assert.ok(!indexedTexts(output).some((t) => t.includes("numéro 4 ")));
    assertSameIndex(bundle(output), await cleanIndex(output));
  });

  it("a PDF's link renamed: its record has the new title", async () => {
    writePage(output, "rapports", "fr", "Les rapports de l'année.", `<a href="/docs/rapport-2025.pdf">Rapport d'activité 2025</a>`);
    await build(output, content);
    assert.ok(indexedTexts(output).some((t) => t.includes("Rapport d'activité 2025 (PDF)")));
    assertSameIndex(bundle(output), await cleanIndex(output));
  });

  it("the sources touched, not changed (a fresh clone): nothing is written, this build and the next", async () => {
    const before = bundle(output);
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const file of filesUnder(content)) writeFileSync(path.join(content, file), readFileSync(path.join(content, file)));
    await build(output, content);
    await build(output, content);
    assert.ok(untouched(before, bundle(output)), "no file of the index was written again");
  });

  it("a file of the index deleted or changed since: the index is written again, whole", async () => {
    const fragment = filesUnder(path.join(output, BUNDLE_DIR, "fragment"))[3]!;
    unlinkSync(path.join(output, BUNDLE_DIR, "fragment", fragment));
    await build(output, content);
    assertSameIndex(bundle(output), await cleanIndex(output));

    const entry = path.join(output, BUNDLE_DIR, "pagefind-entry.json");
    writeFileSync(entry, "{}");
    await build(output, content);
    assertSameIndex(bundle(output), await cleanIndex(output));
  });

  it("with nothing kept (npm start, tsx): every build writes the index", async () => {
    useKeptResultsPlace(undefined);
    await build(output, content);
    const before = bundle(output);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await build(output, content);
    assert.ok(!untouched(before, bundle(output)), "the index was written again");
  });
});
