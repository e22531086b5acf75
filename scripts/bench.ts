/**
 * `npm run bench -- --posts 500`: builds a synthetic site of that many posts
 * (French, three in four translated, with a code block, a table and a
 * footnote each) with the project's config, twice (the second reuses the
 * image cache), each in its own process, and prints the timings.
 * Speed is measured here, never asserted in tests.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import { PROJECT_ROOT } from "../plugins/core/project.ts";

const { values } = parseArgs({ options: { posts: { type: "string", default: "300" }, keep: { type: "boolean", default: false } } });
const POSTS = Number(values.posts);
if (!Number.isInteger(POSTS) || POSTS < 1) {
  console.error(`--posts takes a whole number, not "${values.posts}"`);
  process.exit(2);
}

// Inside the project: passthrough copies of bundle files (PDFs, banners) expect the input under the working folder.
// Not under .cache/: Eleventy skips what .gitignore lists.
mkdirSync(path.join(PROJECT_ROOT, ".bench"), { recursive: true });
const root = mkdtempSync(path.join(PROJECT_ROOT, ".bench", "site-"));
const content = path.join(root, "content");
cpSync(path.join(PROJECT_ROOT, "content"), content, { recursive: true });

const TOPICS = ["messagerie", "agenda", "sauvegardes", "visio", "matériel", "bénévolat"];
for (let i = 0; i < POSTS; i++) {
  const year = 2015 + (i % 10);
  const month = String((i % 12) + 1).padStart(2, "0");
  const day = String((i % 27) + 1).padStart(2, "0");
  const dir = path.join(content, "blog", String(year), `article-de-banc-${i}`);
  mkdirSync(dir, { recursive: true });
  const tag = TOPICS[i % TOPICS.length]!;
  const body = (lang: string) =>
    [
      lang === "fr" ? `Article numéro ${i} sur ${tag}.[^1]` : `Post number ${i} about ${tag}.[^1]`,
      "",
      "## Configuration",
      "",
      "```yaml",
      "services:",
      "  app:",
      `    image: "{{ registry }}/app:${i}"`,
      "```",
      "",
      "| service | état |",
      "| --- | --- |",
      `| ${tag} | ok |`,
      "",
      `[^1]: ${lang === "fr" ? "Une note." : "A note."}`,
      "",
    ].join("\n");
  const front = (title: string) => `---\ntitle: "${title}"\ndate: ${year}-${month}-${day}T10:00\ntags: [${tag}]\n---\n\n`;
  writeFileSync(path.join(dir, "index.fr.md"), front(`Article ${i} : ${tag}`) + body("fr"));
  if (i % 4 !== 0) writeFileSync(path.join(dir, "index.en.md"), front(`Post ${i}: ${tag}`) + body("en"));
}

/** One `npm run build`-like run in its own process, as a writer or CI would see it. */
function build(label: string): number {
  const output = path.join(root, `_site-${label}`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--input=${path.relative(PROJECT_ROOT, content)}`, `--output=${output}`, "--quiet"],
    { cwd: PROJECT_ROOT, encoding: "utf8" },
  );
  const ms = performance.now() - started;
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`the ${label} build failed`);
  }
  const summary = /Wrote \d+ files?[^\n]*/.exec(run.stdout + run.stderr)?.[0] ?? "";
  console.log(`${label.padEnd(6)} build: ${(ms / 1000).toFixed(2)} s (${summary})`);
  return ms;
}

process.chdir(PROJECT_ROOT);
console.log(`Synthetic site: the starter content plus ${POSTS} posts (${Math.ceil((POSTS * 3) / 4)} translated) in ${root}`);
const cold = build("first");
const warm = build("second");
console.log(`per post (second build): ${(warm / POSTS).toFixed(1)} ms; first build ${(cold / 1000).toFixed(2)} s`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
