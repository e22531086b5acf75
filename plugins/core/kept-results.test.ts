import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, afterEach, describe, it } from "node:test";
import { KEPT_RESULTS, KeptResults, type KeptResultsPlace, readStore, saveKeptResults } from "./kept-results.ts";

describe("results kept from one build to the next", () => {
  const root = mkdtempSync(path.join(tmpdir(), "kept-results-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  const globals = globalThis as Record<symbol, KeptResultsPlace | undefined>;
  afterEach(() => delete globals[KEPT_RESULTS]);

  /** A store as a new build opens it, and what it computed. */
  const build = (name: string, version = "options 1") => {
    const computed: string[] = [];
    const store = new KeptResults<string[]>(name, version);
    return { computed, get: (key: string) => store.get(key, () => (computed.push(key), [`problem of ${key}`])) };
  };

  /** How many entries a file keeps (its first line lists them). */
  const entriesIn = (file: string) => readStore(file).entries.size;

  it("texts and other values come back as they were kept, and a file cut short is computed afresh", () => {
    const dir = path.join(root, "f");
    globals[KEPT_RESULTS] = { dir, code: "code 1" };
    const values: Record<string, unknown> = {
      html: "<p>Déjà « vu » 🐈</p>\n<p>\"quoted\"</p>\n",
      empty: "",
      object: { html: "<h2>Titre</h2>\n", toc: [{ id: "titre", level: 2 }], line: 3 },
      list: ["un", "deux\ntrois"],
    };
    const store = new KeptResults<unknown>("mixed", "v");
    for (const [key, value] of Object.entries(values)) store.get(key, () => value);
    saveKeptResults();
    const again = new KeptResults<unknown>("mixed", "v");
    for (const [key, value] of Object.entries(values)) assert.deepEqual(again.get(key, () => assert.fail(`${key} computed again`)), value);

    const file = path.join(dir, "mixed.json");
    writeFileSync(file, readFileSync(file, "utf8").slice(0, -3));
    const cut = new KeptResults<unknown>("mixed", "v");
    let computed = 0;
    for (const [key, value] of Object.entries(values)) cut.get(key, () => (computed++, value));
    assert.equal(computed, Object.keys(values).length);
  });

  it("a value its store writes as text is kept as that text, not as JSON, and read back from it", () => {
    globals[KEPT_RESULTS] = { dir: path.join(root, "t"), code: "code 1" };
    const text = { write: (v: { html: string; n: number }) => `${v.n}\n${v.html}`, read: (t: string) => ({ n: Number(t.slice(0, t.indexOf("\n"))), html: t.slice(t.indexOf("\n") + 1) }) };
    const value = { html: '<p>Déjà « vu »</p>\n<p class="x">"cité"</p>', n: 3 };
    const store = new KeptResults<{ html: string; n: number }>("texts", "v", { ownSave: true, text });
    store.get("page", () => value);
    store.save();
    assert.ok(readFileSync(path.join(root, "t", "texts.json"), "utf8").endsWith(`3\n${value.html}`), "the HTML as it is, unescaped");
    assert.deepEqual(new KeptResults<{ html: string; n: number }>("texts", "v", { ownSave: true, text }).get("page", () => assert.fail("computed again")), value);
  });

  it("a store saved `unlessFew` is not rewritten for a few entries computed or dropped; past that share, or without a file, it is", () => {
    globals[KEPT_RESULTS] = { dir: path.join(root, "few"), code: "code 1" };
    const file = path.join(root, "few", "scans.json");
    const open = () => new KeptResults<string>("scans", "", { ownSave: true });
    const pages = Array.from({ length: 40 }, (_, i) => `page ${i}`);
    const first = open();
    for (const page of pages) first.get(page, () => `scan of ${page}`);
    first.save({ unlessFew: 0.05 });
    assert.equal(entriesIn(file), 40, "no file yet: written");
    const written = statSync(file).mtimeMs;

    // One page changed: its new entry computed, its old one unused: 2 changes of 40, at most 5 %.
    const second = open();
    for (const page of pages.slice(1)) second.get(page, () => assert.fail(`${page} computed again`));
    second.get("page 0 changed", () => "scan of the new page 0");
    second.save({ unlessFew: 0.05 });
    assert.equal(statSync(file).mtimeMs, written, "one page changed: the file is left as it was");
    const third = open();
    let computed = 0;
    for (const page of pages.slice(1)) third.get(page, () => (computed++, "scan"));
    third.get("page 0 changed", () => (computed++, "scan of the new page 0"));
    assert.equal(computed, 1, "the next build scans that page again, and only it");

    // Two more pages: 4 changes of 42, more than 5 %: rewritten.
    for (const page of ["a", "b"]) third.get(`page ${page}`, () => "new");
    third.save({ unlessFew: 0.05 });
    assert.notEqual(statSync(file).mtimeMs, written);
    assert.equal(entriesIn(file), 42);
  });

  it("a key the last build computed is not computed again, and keeps its answer", () => {
    globals[KEPT_RESULTS] = { dir: path.join(root, "a"), code: "code 1" };
    const first = build("check");
    assert.deepEqual(first.get("texte un"), ["problem of texte un"]);
    first.get("texte deux");
    first.get("texte un");
    assert.deepEqual(first.computed, ["texte un", "texte deux"]);
    saveKeptResults();
    const second = build("check");
    assert.deepEqual(second.get("texte un"), ["problem of texte un"]);
    second.get("texte trois");
    assert.deepEqual(second.computed, ["texte trois"]);
  });

  it("other code, or another version of what the keys do not say, computes everything again", () => {
    globals[KEPT_RESULTS] = { dir: path.join(root, "b"), code: "code 1" };
    build("check").get("texte");
    saveKeptResults();
    const otherVersion = build("check", "options 2");
    otherVersion.get("texte");
    assert.deepEqual(otherVersion.computed, ["texte"]);
    saveKeptResults();
    globals[KEPT_RESULTS] = { dir: path.join(root, "b"), code: "code 2" };
    const otherCode = build("check", "options 2");
    otherCode.get("texte");
    assert.deepEqual(otherCode.computed, ["texte"]);
  });

  it("the file keeps what the last build used, not what earlier ones did", () => {
    const dir = path.join(root, "c");
    globals[KEPT_RESULTS] = { dir, code: "code 1" };
    const first = build("check");
    first.get("ancien");
    first.get("gardé");
    saveKeptResults();
    build("check").get("gardé");
    saveKeptResults();
    assert.equal(entriesIn(path.join(dir, "check.json")), 1);
    const third = build("check");
    third.get("ancien");
    third.get("gardé");
    assert.deepEqual(third.computed, ["ancien"]);
  });

  it("a build that computed nothing and dropped nothing leaves the file as it is", () => {
    const dir = path.join(root, "e");
    globals[KEPT_RESULTS] = { dir, code: "code 1" };
    const first = build("check");
    first.get("un");
    first.get("deux");
    saveKeptResults();
    const file = path.join(dir, "check.json");
    const written = statSync(file).ino;
    const same = build("check");
    same.get("deux");
    same.get("un");
    saveKeptResults();
    assert.equal(statSync(file).ino, written, "not written again");
    build("check").get("un");
    saveKeptResults();
    assert.notEqual(statSync(file).ino, written, "an entry dropped: written");
    assert.equal(entriesIn(file), 1);
  });

  it("an unreadable file is computed afresh; without a place (npm start, the tests) nothing is kept", () => {
    const dir = path.join(root, "d");
    globals[KEPT_RESULTS] = { dir, code: "code 1" };
    build("check").get("texte");
    saveKeptResults();
    writeFileSync(path.join(dir, "check.json"), "{ cut off");
    const afterDamage = build("check");
    assert.deepEqual(afterDamage.get("texte"), ["problem of texte"]);
    assert.deepEqual(afterDamage.computed, ["texte"]);
    delete globals[KEPT_RESULTS];
    const unplaced = build("check");
    unplaced.get("texte");
    unplaced.get("texte");
    assert.deepEqual(unplaced.computed, ["texte", "texte"]);
  });

  it("without a place, a store opened in memory keeps its results for the process, and writes no file", () => {
    const computed: string[] = [];
    const store = new KeptResults<string>("in-memory", "", { inMemory: true });
    const get = (key: string) => store.get(key, () => (computed.push(key), `answer to ${key}`));
    assert.equal(get("texte"), "answer to texte");
    saveKeptResults();
    assert.equal(get("texte"), "answer to texte");
    get("autre texte");
    assert.deepEqual(computed, ["texte", "autre texte"]);
    assert.deepEqual(readdirSync(root).filter((f) => f.startsWith("in-memory")), []);
  });
});
