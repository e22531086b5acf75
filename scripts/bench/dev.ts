/**
 * The writer's loop, measured: `npm start` on the synthetic site, a post open
 * in a real Chromium tab, the post's Markdown saved with a new sentence, and the
 * time until the tab shows it (the dev server reloads the tab by itself).
 * Without Chromium, the time until the rebuilt page is served.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../dev/free-port.ts";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import type { CorpusPost } from "./corpus.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const EDITS = 5;
/** Longer than any rebuild the bench accepts: a stuck reload fails the measure instead of hanging. */
const TIMEOUT_MS = 120_000;


export async function measureDevReload(root: string, content: string, corpus: readonly CorpusPost[]): Promise<{ times: number[]; median: number; how: string } | undefined> {
  // A translated post: editing it touches one bundle file (an untranslated original rebuilds its copies whole).
  const post = corpus.find((p) => p.lang === "fr" && corpus.some((q) => q.dir === p.dir && q.lang === "en"));
  if (!post) return undefined;
  const file = path.join(content, post.dir, "index.fr.md");
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts", "--serve", `--input=${content}`, `--output=${path.join(root, "_site-dev")}`, `--port=${port}`], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/Server at/.test(log)) resolve();
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.on("exit", (code) => reject(new Error(`npm start stopped (exit ${code}):\n${log.slice(-3000)}`)));
  });
  const original = readFileSync(file, "utf8");
  try {
    await ready;
    const url = `http://localhost:${port}/${post.dir}/`;
    const times: number[] = [];
    if (existsSync(CHROMIUM)) {
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
      try {
        const page = await browser.newPage();
        await page.goto(url);
        for (let i = 0; i < EDITS; i++) {
          const marker = `Phrase ajoutée numéro ${i} pendant la mesure.`;
          // Let the watcher settle between saves, as a writer types between two saves.
          await new Promise((r) => setTimeout(r, 1500));
          const started = performance.now();
          writeFileSync(file, withSentence(original, marker));
          // Whitespace folded: French typography puts a no-break space in "numéro 0".
          await page.waitForFunction((text) => document.body?.textContent?.replace(/\s+/g, " ").includes(text), marker, { timeout: TIMEOUT_MS, polling: 20 });
          times.push(performance.now() - started);
        }
      } finally {
        await browser.close();
      }
      return summary(times, "a Chromium tab reloaded by the dev server");
    }
    for (let i = 0; i < EDITS; i++) {
      const marker = `Phrase ajoutée numéro ${i} pendant la mesure.`;
      await new Promise((r) => setTimeout(r, 1500));
      const started = performance.now();
      writeFileSync(file, withSentence(original, marker));
      for (;;) {
        const html = await fetch(url).then((r) => r.text());
        if (html.replace(/\s+/g, " ").replace(/&nbsp;|&#160;/g, " ").includes(marker)) break;
        if (performance.now() - started > TIMEOUT_MS) throw new Error("the edited post was never served");
        await new Promise((r) => setTimeout(r, 20));
      }
      times.push(performance.now() - started);
    }
    return summary(times, "the rebuilt page served (no Chromium: tab reload not measured)");
  } finally {
    writeFileSync(file, original);
    server.kill("SIGINT");
  }
}

/** The post with a first paragraph added after its front matter. */
const withSentence = (source: string, sentence: string) => source.replace(/\n---\n\n/, `\n---\n\n${sentence}\n\n`);

function summary(times: number[], how: string) {
  const sorted = [...times].sort((a, b) => a - b);
  return { times, median: sorted[Math.floor(sorted.length / 2)]!, how };
}
