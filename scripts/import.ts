/**
 * npm run import: an existing site's posts or events, read from its RSS or
 * Atom feeds, written as page bundles of this kit. Feeds of two languages
 * given together are paired into one bundle per page (index.fr.md + index.en.md).
 *
 *   npm run import -- <feed file or URL> [more feeds…] [options]
 *
 *   --section blog|events   what the feeds hold (default: blog)
 *   --lang fr|en            the feeds' language, when they do not say it (or say it wrong)
 *   --pairs <file>          translations the URLs do not reveal: one pair of old URLs a line
 *   --dry-run               write and fetch nothing; print the plan
 *   --overwrite             replace pages that exist and differ (by default they are kept)
 *   --root <dir>            a site other than this one (its content/)
 *
 * Images and attachments are downloaded into the bundles (remembered in
 * import-files.json); those that cannot be fetched are listed to fetch by hand.
 * A second run with the same feeds changes nothing.
 *
 * Exit codes: 0 imported (see the report), 1 a feed cannot be read, 2 wrong arguments.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { localizedUrl } from "../plugins/i18n/paths.ts";
import { PROJECT_ROOT } from "../plugins/core/project.ts";
import { fail, printUsage, projectAt } from "./cli.ts";
import { FeedError, parseFeed } from "./import/feed.ts";
import { ATTACHMENT, BundleFiles, download, fetchBytes, readFileMap, writeFileMap, type Download } from "./import/files.ts";
import { inspect, renderPage } from "./import/page.ts";
import { pathKey, planBundles, urlKey, type Bundle, type Item, type Page, type Section } from "./import/plan.ts";
import { formatReport, type ImportReport, type WrittenPage } from "./import/report.ts";
import { readFeedDate } from "./import/feed.ts";

const USAGE = "Usage: npm run import -- <feed file or URL> [more feeds…] [--section blog|events] [--lang fr|en] [--pairs file] [--dry-run] [--overwrite]";

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      section: { type: "string", default: "blog" },
      lang: { type: "string" },
      pairs: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      overwrite: { type: "boolean", default: false },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const { values: flags, positionals: sources } = parsed;
if (flags.help) printUsage(import.meta.url);
if (sources.length === 0) fail(`which feeds? ${USAGE}`, 2);
if (flags.section !== "blog" && flags.section !== "events") fail(`--section ${flags.section}: expected blog or events`, 2);
const section = flags.section as Section;
const dryRun = flags["dry-run"];

const root = path.resolve(flags.root ?? PROJECT_ROOT);
const project = await projectAt(root);
const { site } = project;
const languages = site.languages.map((l) => l.code);
if (flags.lang !== undefined && !languages.includes(flags.lang)) fail(`--lang ${flags.lang}: expected one of the site's languages (${languages.join(", ")})`, 2);

/** `fr-FR`, `en_GB`, `EN` → the site's code, if it has that language. */
const siteLang = (tag: string | undefined) => {
  const code = tag?.toLowerCase().split(/[-_]/)[0];
  return code && languages.includes(code) ? code : undefined;
};

// 1. Read every feed.
const items: Item[] = [];
const skippedEntries: { from: string; reason: string }[] = [];
for (const source of sources) {
  const url = /^(https?|file):/i.test(source) ? source : pathToFileURL(path.resolve(source)).href;
  const got = await fetchBytes(url);
  if ("error" in got) fail(`${source}: cannot read the feed (${got.error})`, 1);
  let feed;
  try {
    feed = parseFeed(got.bytes.toString("utf8"), source);
  } catch (error) {
    if (error instanceof FeedError) fail(error.message, 1);
    throw error;
  }
  const feedLang = flags.lang ?? siteLang(feed.lang);
  if (!feedLang && !feed.entries.every((e) => siteLang(e.lang))) {
    fail(`${source}: the feed does not say its language${feed.lang ? ` (it says "${feed.lang}", not one of ${languages.join(", ")})` : ""}: add --lang ${languages.join("|")}`, 2);
  }
  for (const entry of feed.entries) {
    if (entry.problem || !entry.content.trim()) {
      skippedEntries.push({ from: entry.link || `${source} (${entry.title})`, reason: entry.problem ?? "the feed gives no text for it" });
      continue;
    }
    const lang = flags.lang ?? siteLang(entry.lang) ?? feedLang!;
    const seen = inspect(entry.content, entry.link);
    const start = seen.event.start ? readFeedDate(seen.event.start) : undefined;
    items.push({ entry, lang, section, feed: source, untranslated: seen.untranslated, start });
  }
}

// 2. Pair translations and place the bundles.
const pairs: [string, string][] = [];
if (flags.pairs) {
  if (!existsSync(flags.pairs)) fail(`--pairs ${flags.pairs}: no such file`, 2);
  readFileSync(flags.pairs, "utf8").split("\n").forEach((line, i) => {
    const words = line.replace(/#.*$/, "").trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return;
    if (words.length !== 2) fail(`${flags.pairs}:${i + 1}: expected two old URLs (one per language) separated by a space, found "${line.trim()}"`, 2);
    pairs.push([words[0]!, words[1]!]);
  });
}
const plan = planBundles(items, { languages, defaultLanguage: site.defaultLanguage, zone: site.timezone, pairs });

// 3. Convert each page, resolving links to other imported pages and collecting files.
const byOldUrl = new Map<string, Bundle>();
const byOldPath = new Map<string, Bundle>();
for (const bundle of plan.bundles) {
  for (const item of [...bundle.pages.map((p) => p.item), ...bundle.untranslated]) {
    byOldUrl.set(urlKey(item.entry.link), bundle);
    byOldPath.set(pathKey(item.entry.link, languages), bundle);
  }
}
const relative = (from: string, to: string) => {
  const rel = path.posix.relative(from, to);
  return rel === "" ? "./" : `${rel}/`;
};
const oldHosts = new Set(items.map((i) => { try { return new URL(i.entry.link).host; } catch { return ""; } }));
const contentDir = path.relative(root, project.input).split(path.sep).join("/");

const report: ImportReport = { dryRun, site: path.resolve(root) === process.cwd() ? undefined : root, pages: [], paired: [], untranslated: [], skipped: [], fetched: [], present: [], missing: [], aliases: [], events: [], notes: [] };
const downloads: Download[] = [];
const oldLinks: string[] = [];
const texts: { file: string; text: string; page: Page }[] = [];
for (const bundle of plan.bundles) {
  const files = new BundleFiles();
  const bundleFile = (name: string) => `${contentDir}/${bundle.dir}/${name}`;
  for (const page of bundle.pages) {
    const targetOf = (target: Bundle, hash: string) => relative(page.url, localizedUrl(target.urlPath, page.lang, site.defaultLanguage)) + hash;
    const rendered = renderPage(bundle, page, {
      zone: site.timezone,
      defaultLanguage: site.defaultLanguage,
      resolver: {
        rewrite(url, kind) {
          const target = kind === "link" ? byOldUrl.get(urlKey(url.href)) : undefined;
          if (target) return targetOf(target, url.hash);
          const isFile = kind === "image" || (oldHosts.has(url.host) && ATTACHMENT.test(url.pathname));
          if (!isFile && oldHosts.has(url.host)) {
            // Once the old site is switched off, such a link dies: the writer decides where it should lead.
            oldLinks.push(url.href);
            return undefined;
          }
          if (!isFile || !/^(https?|file):$/.test(url.protocol)) return undefined;
          const name = files.name(url);
          downloads.push({ url: url.href.replace(/#.*$/, ""), file: bundleFile(name) });
          return name;
        },
        source(link) {
          const [file, hash = ""] = link.split("#");
          const clean = file!.replace(/^@\//, "/").replace(/\.md$/i, "").replace(/\.[a-z]{2}(?:-[a-z]+)?$/i, "").replace(/\/?_?index$/, "");
          const target = byOldPath.get(`${clean.replace(/^\/?/, "/").replace(/\/?$/, "/")}`);
          return target ? targetOf(target, hash ? `#${hash}` : "") : undefined;
        },
      },
    });
    const file = bundleFile(`index.${page.lang}.md`);
    for (const link of new Set(oldLinks.splice(0))) report.notes.push({ file, note: `link to ${link}, a page of the old site that was not imported: it still leads to the old site` });
    texts.push({ file, text: rendered.text, page });
    report.notes.push(...rendered.notes.map((note) => ({ file, note })));
    if (rendered.event) report.events.push({ file, ...rendered.event });
    report.aliases.push(...page.aliases.map((from) => ({ from, to: page.url })));
  }
  if (bundle.pairedBy) report.paired.push({ dir: `${contentDir}/${bundle.dir}`, langs: bundle.pages.map((p) => p.lang), by: bundle.pairedBy });
  for (const item of bundle.untranslated) {
    report.untranslated.push({ file: `${contentDir}/${bundle.dir}/index.${item.lang}.md (not written)`, lang: item.lang, from: item.entry.link });
  }
}
report.skipped = [...skippedEntries, ...plan.skipped.map((s) => ({ from: s.item.entry.link, reason: s.reason }))];

// 4. Write what changed, fetch what is missing.
for (const { file, text, page } of texts) {
  const absolute = path.join(root, file);
  const existing = existsSync(absolute) ? readFileSync(absolute, "utf8") : undefined;
  const state: WrittenPage["state"] = existing === undefined ? "new" : existing === text ? "same" : flags.overwrite ? "replaced" : "kept";
  if (!dryRun && (state === "new" || state === "replaced")) {
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
  report.pages.push({ file, state, from: page.item.entry.link });
}
const unique = [...new Map(downloads.map((d) => [`${d.url} ${d.file}`, d])).values()];
const mapFile = path.join(root, "import-files.json");
const map = readFileMap(mapFile);
const before = JSON.stringify(map);
Object.assign(report, await download(root, unique, map, dryRun));
if (!dryRun && JSON.stringify(map) !== before) writeFileMap(mapFile, map);

process.stdout.write(formatReport(report));
if (report.pages.some((p) => p.state === "kept")) {
  process.stdout.write(`\nPages marked "kept" exist and differ from the feed: rerun with --overwrite to replace them.\n`);
}
// Relative, as writers type it (an absolute --input currently loses the tag pages of English-only posts).
process.stdout.write(`\nNext: npm run build${root === PROJECT_ROOT ? "" : ` -- --input=${path.relative(process.cwd(), project.input)}`}, then fix what it and the list above name.\n`);
