import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { MessageChannel, Worker } from "node:worker_threads";
import { EARLY_FILES, earlyFiles, earlyKeptText, earlyRead, takeEarlyText } from "./early-files.ts";
import { CONTENT_WALK, filesUnder } from "./files.ts";
import { EARLY_KEPT_READS } from "./kept-results.ts";

test("the content read in a worker while the build loads: the files as the content walk lists them, each Markdown text once, by its stamp; the kept files the last build read, each once", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "early-"));
  const kept = mkdtempSync(path.join(tmpdir(), "early-kept-"));
  try {
    // The last build's record of the kept files its main thread read; one of them is gone since.
    writeFileSync(path.join(kept, EARLY_KEPT_READS), JSON.stringify(["markdown-html.json", "gone.json", "../outside.json"]));
    writeFileSync(path.join(kept, "markdown-html.json"), "{\"stamp\":\"x\"}\n<p>Un billet’s HTML</p>");
    writeFileSync(path.join(kept, "link-scans.json"), "read by another thread");
    const files = { "index.fr.md": "---\ntitle: Accueil\n---\nBonjour", "blog/2025/a/index.fr.md": "Un billet’s text", "blog/2025/a/photo.jpg": "jpeg", "_includes/x.md": "no page", ".draft.md": "hidden" };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    // As scripts/compiled.mjs starts it (under tsx here, through ./worker-tsx.mjs).
    const { port1, port2 } = new MessageChannel();
    const module = pathToFileURL(path.join(import.meta.dirname, "early-files.worker.ts")).href;
    const worker = new Worker(new URL("./worker-tsx.mjs", import.meta.url), { workerData: { module, dir, kept, port: port2 }, transferList: [port2] });
    await new Promise((resolve) => worker.once("exit", resolve));
    (globalThis as Record<symbol, unknown>)[EARLY_FILES] = { dir, port: port1 };

    assert.equal(earlyFiles(path.join(dir, "other")), undefined, "another folder's walk is its own");
    assert.deepEqual(earlyFiles(dir), filesUnder(dir, CONTENT_WALK));
    assert.equal(earlyFiles(dir), undefined, "one build's");

    const post = path.join(dir, "blog/2025/a/index.fr.md");
    const stat = statSync(post);
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    assert.deepEqual(earlyRead(post), { stamp, text: files["blog/2025/a/index.fr.md"] });
    assert.equal(earlyRead(path.join(dir, "blog/2025/a/photo.jpg")), undefined, "only Markdown files are read");
    assert.equal(earlyRead(path.join(dir, "_includes/x.md")), undefined, "left out as the content walk leaves it");
    assert.equal(takeEarlyText(post, "0:0"), undefined, "a file stamped otherwise since is read again");
    assert.equal(takeEarlyText(post, stamp), files["blog/2025/a/index.fr.md"]);
    assert.equal(takeEarlyText(post, stamp), undefined, "handed over once");

    assert.equal(earlyKeptText(path.join(kept, "markdown-html.json")), "{\"stamp\":\"x\"}\n<p>Un billet’s HTML</p>");
    assert.equal(earlyKeptText(path.join(kept, "markdown-html.json")), undefined, "handed over once");
    assert.equal(earlyKeptText(path.join(kept, "link-scans.json")), undefined, "not named by the record: read where it is used");
    assert.equal(earlyKeptText(path.join(kept, "gone.json")), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(kept, { recursive: true, force: true });
  }
});
