import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, test } from "node:test";
import { trustWatcher } from "../../plugins/core/file-memo.ts";
import { devLoop, NEW_FOLDER_LOOK_MS, type DevEleventy } from "./loop.ts";

test("a post written into a new folder before chokidar watched it is reported all the same, once", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "dev-loop-"));
  const input = path.join(root, "content");
  mkdirSync(path.join(input, "blog"), { recursive: true });
  writeFileSync(path.join(input, "blog", "index.fr.md"), "---\ntitle: Actualités\n---\n");
  after(() => {
    trustWatcher(undefined);
    rmSync(root, { recursive: true, force: true });
  });

  // chokidar as paulmillr/chokidar#1471 has it: the new folders are reported, a file
  // written into one before chokidar watched it is not. The race cannot be forced on the
  // real chokidar, so its events are played here.
  const watcher = new EventEmitter();
  devLoop({ input, output: path.join(root, "_site") }).attach({ setIncrementalBuild() {}, watcher } as unknown as DevEleventy, async () => undefined);
  const reported: string[] = [];
  watcher.on("add", (file: string) => reported.push(file));

  const year = path.join(input, "blog", "2026");
  const missed = path.join(year, "nouveau-billet", "index.fr.md");
  const seen = path.join(year, "billet-vu", "index.fr.md");
  for (const file of [missed, seen]) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "---\ntitle: Un billet\ndate: 2026-12-01T10:00\n---\n\nLe texte.\n");
  }
  watcher.emit("addDir", year);
  watcher.emit("addDir", path.dirname(missed));
  watcher.emit("addDir", path.dirname(seen));
  watcher.emit("add", seen);
  assert.deepEqual(reported, [seen]);

  await sleep(NEW_FOLDER_LOOK_MS + 500);
  // The missed post is reported once (one look per new folder finds it: it is known after the first).
  assert.deepEqual(reported, [seen, missed]);
});
