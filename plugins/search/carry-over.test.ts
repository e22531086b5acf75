import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, test } from "node:test";
import { filesUnder } from "../core/files.ts";
import { useKeptResultsPlace } from "../core/kept-results.ts";
import { writeSearchIndex } from "./pagefind.ts";

const site = { url: "https://example.org", defaultLanguage: "fr" };
const root = mkdtempSync(path.join(tmpdir(), "search-carry-"));
after(() => rmSync(root, { recursive: true, force: true }));

function writePage(output: string, slug: string, lang: string, text: string): void {
  mkdirSync(path.join(output, slug), { recursive: true });
  const body = `<h1>${slug}</h1><p>${text}</p>`;
  writeFileSync(path.join(output, slug, "index.html"), `<!doctype html><html lang="${lang}"><head><title>${slug}</title></head><body><main data-pagefind-body>${body}</main></body></html>`);
}

/** 30 pages: p0, p3… in English, the others in French. */
function site30(output: string): void {
  for (let n = 0; n < 30; n++) {
    const lang = n % 3 ? "fr" : "en";
    writePage(output, `p${n}`, lang, lang === "fr" ? `Le compte rendu numéro ${n} de la permanence du jeudi.` : `The minutes of drop-in session number ${n}.`);
  }
}

/** Every file of a bundle folder with its bytes. */
function bundle(output: string): Map<string, Buffer> {
  const dir = path.join(output, "pagefind");
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
}

function assertSameBundle(actual: string, expected: string): void {
  const a = bundle(actual);
  const e = bundle(expected);
  assert.deepEqual([...a.keys()], [...e.keys()]);
  for (const [file, bytes] of e) {
    // Pagefind lists the languages in no set order.
    if (file === "pagefind-entry.json") assert.deepEqual(JSON.parse(a.get(file)!.toString()), JSON.parse(bytes.toString()));
    else assert.ok(a.get(file)!.equals(bytes), file);
  }
}

/** The same pages indexed into an empty folder, for comparison. */
async function cleanWrite(output: string, name: string): Promise<string> {
  const clean = path.join(root, name);
  cpSync(output, clean, { recursive: true });
  rmSync(path.join(clean, "pagefind"), { recursive: true, force: true });
  await writeSearchIndex(clean, site);
  return clean;
}

const fragments = (files: Map<string, Buffer>) => [...files.keys()].filter((f) => f.startsWith("fragment/"));

/**
 * Each case as `npm start`'s indexer meets it (every file of the last index read),
 * and as `npm run build` does: it keeps what the last settled index held, and reads
 * only the files no longer as they were (./carry-over.ts).
 */
for (const kept of [false, true]) {
  const variant = kept ? "with the last index's record kept (npm run build): " : "";
  const suffix = kept ? "-kept" : "";
  /** The index the case starts from: written twice with a record kept, so that the next write has the record of this one. */
  const lastIndex = async (output: string) => {
    await writeSearchIndex(output, site);
    if (kept) await writeSearchIndex(output, site);
  };
  /** A case run with its variant's place for kept results (none: nothing kept, as under tsx). */
  const inVariant = (body: () => Promise<void>) => async () => {
    useKeptResultsPlace(kept ? { dir: path.join(root, "kept"), code: "test" } : undefined);
    try {
      await body();
    } finally {
      useKeptResultsPlace(undefined);
    }
  };

  test(`${variant}an index written over the last one is the one written into an empty folder: the files of changed and deleted pages are gone`, inVariant(async () => {
    const output = path.join(root, `edited${suffix}`);
    site30(output);
    await lastIndex(output);
    const before = bundle(output);

    writePage(output, "p4", "fr", "Le compte rendu numéro quatre, corrigé après la réunion.");
    rmSync(path.join(output, "p7"), { recursive: true });
    writePage(output, "p30", "en", "A new page about the association's servers.");
    assert.deepEqual(await writeSearchIndex(output, site), { pages: 30, pdfs: 0, languages: { en: 11, fr: 19 } });

    assertSameBundle(output, await cleanWrite(output, `edited-clean${suffix}`));
    const after = bundle(output);
    // The 28 pages left as they were kept their fragment; the changed and the deleted page's are gone.
    assert.equal(fragments(after).filter((f) => before.has(f)).length, 28);
    assert.equal(fragments(before).filter((f) => !after.has(f)).length, 2);
  }));

  test(`${variant}an old fragment under the name of another page's new one is not kept: the index is written again, right`, inVariant(async () => {
    const output = path.join(root, `forged${suffix}`);
    site30(output);
    await lastIndex(output);
    const urlOf = (file: string) => (JSON.parse(gunzipSync(readFileSync(path.join(output, "pagefind", file))).toString("utf8", "pagefind_dcd".length)) as { url: string }).url;
    const p14 = fragments(bundle(output)).find((f) => urlOf(f) === "/p14/")!;

    // p13 changes. Its new fragment's name is known from a write into an empty folder; the
    // old index is made to hold p14's fragment under that name, as if the two hashes collided.
    writePage(output, "p13", "fr", "Le compte rendu numéro treize, avec la liste des présents.");
    const clean = await cleanWrite(output, `forged-clean${suffix}`);
    const p13 = fragments(bundle(clean)).find((f) => !bundle(output).has(f))!;
    copyFileSync(path.join(output, "pagefind", p14), path.join(output, "pagefind", p13));

    assert.deepEqual(await writeSearchIndex(output, site), { pages: 30, pdfs: 0, languages: { en: 10, fr: 20 } });
    assertSameBundle(output, clean);
  }));

  test(`${variant}an old file cut short (an indexing stopped while writing) is not kept`, inVariant(async () => {
    const output = path.join(root, `cut${suffix}`);
    site30(output);
    await lastIndex(output);
    const victim = fragments(bundle(output))[5]!;
    const whole = readFileSync(path.join(output, "pagefind", victim));
    writeFileSync(path.join(output, "pagefind", victim), whole.subarray(0, whole.length - 9));

    await writeSearchIndex(output, site);
    assert.ok(readFileSync(path.join(output, "pagefind", victim)).equals(whole));
    assertSameBundle(output, await cleanWrite(output, `cut-clean${suffix}`));
  }));
}
