/**
 * The writer's loop, measured: `npm start` on the synthetic site, a post open
 * in a real Chromium tab, the post's Markdown saved, and the time until the tab
 * shows the change (the dev server reloads the tab by itself). Three kinds of
 * save: a sentence added at the end (only the page shows it), a new first
 * paragraph (lists and feed summaries show it too, so they are rebuilt), and a
 * sentence at the end of a post not translated yet, as a new post is (its
 * English copy shows its text too). Then a fourth: a new post added, until the
 * blog list's open tab shows its title (its page, its English copy, the lists,
 * tags and feeds that show it are made). Without Chromium, the time until the
 * rebuilt page is served.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startDevServer } from "../dev/dev-server.ts";
import type { CorpusPost } from "./corpus.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const EDITS = 3;
/** Longer than any rebuild the bench accepts: a stuck reload fails the measure instead of hanging. */
const TIMEOUT_MS = 120_000;

const atTheEnd = (source: string, sentence: string) => `${source.trimEnd()}\n\n${sentence}\n`;

/** The kinds of save measured: a change to the Markdown of a translated post, or of one not translated yet. */
const EDIT_KINDS: { kind: string; translated: boolean; edit: (source: string, sentence: string) => string }[] = [
  { kind: "a sentence at the end", translated: true, edit: atTheEnd },
  { kind: "a new first paragraph", translated: true, edit: (source, sentence) => source.replace(/\n---\n\n/, `\n---\n\n${sentence}\n\n`) },
  { kind: "a sentence at the end, untranslated post", translated: false, edit: atTheEnd },
];

export interface DevReload {
  /**
   * Per kind of save, the times until the tab showed it (ms). `added`: a page added,
   * not a saved one: outside the budget for a save (a post added first in the
   * lists moves a post down on every page of every list that shows it: 449 files at 1,000 posts).
   */
  kinds: { kind: string; times: number[]; median: number; added?: boolean }[];
  how: string;
}

export async function measureDevReload(root: string, content: string, corpus: readonly CorpusPost[]): Promise<DevReload | undefined> {
  const translated = (p: CorpusPost) => corpus.some((q) => q.dir === p.dir && q.lang === "en");
  const posts = new Map([true, false].flatMap((t) => {
    const post = corpus.find((p) => p.lang === "fr" && translated(p) === t);
    return post ? [[t, post] as const] : [];
  }));
  if (!posts.has(true)) return undefined;
  // Each post's French file, its text before the measure, and the page the tab shows:
  // the post itself, or the English copy of the untranslated one.
  const edited = new Map([...posts].map(([t, post]) => {
    const file = path.join(content, post.dir, "index.fr.md");
    return [t, { file, original: readFileSync(file, "utf8"), path: t ? `/${post.dir}/` : `/en/${post.dir}/` }] as const;
  }));
  const server = await startDevServer(content, path.join(root, "_site-dev"));
  const added: string[] = [];
  const browser = existsSync(CHROMIUM)
    ? await (await import("playwright-core")).chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] })
    : undefined;
  try {
    const page = browser ? await browser.newPage() : undefined;
    let url = "";
    const open = async (where: string) => {
      url = `${server.base}${where}`;
      await page?.goto(url);
    };
    // Whitespace folded: French typography puts a no-break space in "numéro 0".
    const fold = (text: string) => text.replace(/&nbsp;|&#160;/g, " ").replace(/\s+/g, " ");
    const shown = async (marker: string, timeout: number): Promise<boolean> => {
      if (page) {
        return page.waitForFunction((text) => document.body?.textContent?.replace(/\s+/g, " ").includes(text), marker, { timeout, polling: 20 }).then(() => true, () => false);
      }
      for (const started = performance.now(); performance.now() - started < timeout; await new Promise((r) => setTimeout(r, 20))) {
        if (fold(await fetch(url).then((r) => r.text())).includes(marker)) return true;
      }
      return false;
    };
    const stuck = (what: string) => new Error(`${what} (${url}); npm start printed last:\n${server.log().slice(-2000)}`);
    // One untimed save first: the file watcher may still be starting when the server answers.
    const first = edited.get(true)!;
    await open(first.path);
    let warm = false;
    for (let waited = 0; !warm && waited < TIMEOUT_MS; waited += 10_000) {
      writeFileSync(first.file, atTheEnd(first.original, "Phrase de mise en route."));
      warm = await shown("Phrase de mise en route.", 10_000);
    }
    if (!warm) throw stuck("npm start never showed a first save");
    const kinds: DevReload["kinds"] = [];
    for (const { kind, translated: t, edit } of EDIT_KINDS) {
      const target = edited.get(t);
      if (!target) continue;
      if (url !== `${server.base}${target.path}`) await open(target.path);
      const times: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const marker = `Phrase ajoutée numéro ${i} pendant la mesure.`;
        // Let the watcher settle between saves, as a writer types between two saves.
        await new Promise((r) => setTimeout(r, 1500));
        const started = performance.now();
        writeFileSync(target.file, edit(target.original, marker));
        if (!(await shown(marker, TIMEOUT_MS))) throw stuck(`a save (${kind}) was not shown within ${TIMEOUT_MS / 1000} s`);
        times.push(performance.now() - started);
      }
      kinds.push(withMedian(kind, times));
    }
    // New posts, dated now (first in the list), each in a folder of its own, as `npm run new` makes them.
    await open("/blog/");
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const title = `Billet ajouté numéro ${i} pendant la mesure`;
      const folder = path.join(content, "blog", String(new Date().getFullYear()), `billet-ajoute-${i}`);
      added.push(folder);
      await new Promise((r) => setTimeout(r, 1500));
      const started = performance.now();
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "index.fr.md"), `---\ntitle: "${title}"\ndate: ${new Date().toISOString().slice(0, 16)}\nsummary: "Un billet ajouté pendant la mesure."\n---\n\nLe texte du billet ajouté.\n`);
      if (!(await shown(title, TIMEOUT_MS))) throw stuck(`a new post was not shown in the blog list within ${TIMEOUT_MS / 1000} s`);
      times.push(performance.now() - started);
    }
    kinds.push({ ...withMedian("a new post, shown in the blog list", times), added: true });
    return { kinds, how: page ? "a Chromium tab reloaded by the dev server" : "the rebuilt page served (no Chromium: tab reload not measured)" };
  } finally {
    await browser?.close();
    for (const { file, original } of edited.values()) writeFileSync(file, original);
    await server.stop();
    for (const folder of added) rmSync(folder, { recursive: true, force: true });
  }
}

function withMedian(kind: string, times: number[]): DevReload["kinds"][number] {
  const sorted = [...times].sort((a, b) => a - b);
  return { kind, times, median: sorted[Math.floor(sorted.length / 2)]! };
}
