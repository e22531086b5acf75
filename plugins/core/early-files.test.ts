import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { MessageChannel, Worker } from "node:worker_threads";
import { EARLY_FILES, earlyFiles, earlyRead, takeEarlyText } from "./early-files.ts";
import { CONTENT_WALK, filesUnder } from "./files.ts";

test("the content read in a worker while the build loads: the files as the content walk lists them, each Markdown text once, by its stamp", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "early-"));
  try {
    const files = { "index.fr.md": "---\ntitle: Accueil\n---\nBonjour", "blog/2025/a/index.fr.md": "Un billet’s text", "blog/2025/a/photo.jpg": "jpeg", "_includes/x.md": "no page", ".draft.md": "hidden" };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    // As scripts/compiled.mjs starts it (under tsx here, through ./worker-tsx.mjs).
    const { port1, port2 } = new MessageChannel();
    const module = pathToFileURL(path.join(import.meta.dirname, "early-files.worker.ts")).href;
    const worker = new Worker(new URL("./worker-tsx.mjs", import.meta.url), { workerData: { module, dir, port: port2 }, transferList: [port2] });
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
