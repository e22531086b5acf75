/**
 * npm run translations: what is left to translate, and what changed since.
 *
 *   npm run translations                          table per page, coverage, UI strings, what to do
 *   npm run translations -- --json                the same as one JSON document
 *   npm run translations -- --fail-on stale       exit 1 when a translation is stale (CI); also missing, untracked,
 *                                                 or several: --fail-on missing,stale
 *   npm run translations -- --mark <file>         record in a translation that it follows the original as it is now
 *   npm run translations -- --mark-untracked      the same for every translation that records nothing yet
 *   npm run translations -- --diff <file>         what changed in the original since the version the translation records (git)
 *   --root <dir>                                  a site other than this one (its content/, and data/ if it has one)
 *
 * Exit codes: 0 fine, 1 pages in a --fail-on state (or a file --mark cannot mark), 2 wrong arguments.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { scanContent } from "../plugins/i18n/content-files.ts";
import { chooseOriginal, frontMatterOf } from "../plugins/i18n/originals.ts";
import { parseContentPath, siblingPath } from "../plugins/i18n/paths.ts";
import { pagesIn, translationReport, type PageReport } from "../plugins/translations/report.ts";
import { committedVersions, diffSince, recordedVersion } from "../plugins/translations/diff.ts";
import { contentHash, recordedHash, sameHash, STATES, withTranslationOf, type TranslationState } from "../plugins/translations/status.ts";
import { formatReport } from "../plugins/translations/text.ts";
import { fail, printUsage, projectAt } from "./cli.ts";

let args;
try {
  args = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      "fail-on": { type: "string", multiple: true, default: [] },
      mark: { type: "string", multiple: true, default: [] },
      "mark-untracked": { type: "boolean", default: false },
      diff: { type: "string" },
      root: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\nUsage: npm run translations -- [--json] [--fail-on missing,stale] [--mark <file>] [--mark-untracked] [--diff <file>] [--root <dir>]`, 2);
}
if (args.help) printUsage(import.meta.url);

const failOn = args["fail-on"].flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
for (const state of failOn) {
  if (!STATES.includes(state as TranslationState)) fail(`--fail-on ${state}: expected one of ${STATES.join(", ")}`, 2);
}

const project = await projectAt(args.root);
// The site's own folder: files are reported relative to it, and git runs in it.
const root = path.dirname(project.input);
const { site } = project;
const codes = site.languages.map((l) => l.code);
const source = { input: project.input, strings: project.strings, root, site };

if (args.mark.length || args["mark-untracked"]) {
  const files = [...args.mark.map((f) => path.resolve(f))];
  if (args["mark-untracked"]) {
    for (const page of translationReport(source).pages) {
      for (const t of page.translations) if (t.state === "untracked") files.push(path.join(root, t.file));
    }
  }
  let failed = 0;
  for (const file of files) {
    const message = mark(file);
    if (message.ok) process.stdout.write(`${message.text}\n`);
    else {
      failed++;
      process.stderr.write(`${message.text}\n`);
    }
  }
  if (!files.length) process.stdout.write("No untracked translation: nothing to mark.\n");
  process.exit(failed ? 1 : 0);
}

if (args.diff) {
  const result = diff(path.resolve(args.diff));
  (result.ok ? process.stdout : process.stderr).write(result.text.endsWith("\n") ? result.text : `${result.text}\n`);
  process.exit(result.ok ? 0 : 1);
}

const report = translationReport(source);
if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else process.stdout.write(formatReport(report, { whatChanged }));

const failing = pagesIn(report, failOn as TranslationState[]);
if (failing.length) {
  const count = failing.length === 1 ? "1 page has" : `${failing.length} pages have`;
  process.stderr.write(`${count} a translation that is ${failOn.join(" or ")} (--fail-on).\n`);
  process.exit(1);
}

/** Language of a bundle's original: the default language, or what an English-only page or `original:` says. */
function originalLangOf(bundle: string): string {
  const byLang = scanContent(project.input, codes).bundles.get(bundle);
  if (!byLang) return site.defaultLanguage;
  return chooseOriginal(byLang, { languages: codes, defaultLanguage: site.defaultLanguage, timezone: site.timezone }, frontMatterOf).lang;
}

/** A translation's file and its original's, or why they cannot be paired. */
function pairOf(absolute: string, verb: "mark" | "diff"): { ok: true; shown: string; originalPath: string } | { ok: false; text: string } {
  const shown = path.relative(process.cwd(), absolute) || absolute;
  const rel = path.relative(project.input, absolute).split(path.sep).join("/");
  if (rel.startsWith("..")) return { ok: false, text: `${shown}: not in the content folder (${path.relative(process.cwd(), project.input)})` };
  const parsed = parseContentPath(rel, codes);
  if (!parsed.ok) return { ok: false, text: `${shown}: ${parsed.message}` };
  const lang = parsed.path.lang;
  const originalLang = originalLangOf(parsed.path.bundle);
  if (!lang || lang === originalLang) return { ok: false, text: `${shown}: this is the original (${originalLang}); ${verb} its translation instead` };
  return { ok: true, shown, originalPath: path.join(project.input, siblingPath(rel, lang, originalLang)) };
}

type Pair = { shown: string; originalPath: string; originalShown: string; text: string; original: string };

/** A translation and its original, read, or why they cannot be. */
function readPair(absolute: string, verb: "mark" | "diff"): ({ ok: true } & Pair) | { ok: false; text: string } {
  const pair = pairOf(absolute, verb);
  if (!pair.ok) return pair;
  const { shown, originalPath } = pair;
  const originalShown = path.relative(process.cwd(), originalPath);
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  };
  const text = read(absolute);
  if (text === undefined) return { ok: false, text: `${shown}: no such file` };
  const original = read(originalPath);
  if (original === undefined) return { ok: false, text: `${shown}: its original ${originalShown} does not exist` };
  return { ok: true, shown, originalPath, originalShown, text, original };
}

/** The changes of the original since the version a translation records, from git history. */
function diff(absolute: string): { ok: boolean; text: string } {
  const pair = readPair(absolute, "diff");
  if (!pair.ok) return pair;
  const { shown, originalPath, originalShown, text, original } = pair;
  const recorded = recordedHash(text);
  if (!recorded) return { ok: false, text: `${shown}: records no translationOf, so which version it follows is unknown; compare it with ${originalShown}, then: npm run translations -- --mark ${shown}` };
  if (sameHash(recorded, contentHash(original))) return { ok: true, text: `${shown}: up to date, ${originalShown} has not changed since it was translated.` };
  const versions = committedVersions(originalPath);
  const from = recordedVersion(versions, recorded);
  if (!from) {
    const why = versions.length ? `none of its ${versions.length} committed versions has the hash ${recorded}` : "git has no history of it here (not a repository, or a shallow clone: git fetch --unshallow)";
    return { ok: false, text: `${shown}: cannot find the version of ${originalShown} it was translated from: ${why}. Compare the two files by hand, then: npm run translations -- --mark ${shown}` };
  }
  const changes = diffSince(originalPath, from.commit, Boolean(process.stdout.isTTY));
  const header = `${shown} follows ${originalShown} as of commit ${from.commit.slice(0, 10)} (${from.date}). Changes since then:\n\n`;
  return { ok: true, text: `${header}${changes}\nOnce the translation carries them: npm run translations -- --mark ${shown}` };
}

/** Records the original's current hash in one translation. */
function mark(absolute: string): { ok: boolean; text: string } {
  const pair = readPair(absolute, "mark");
  if (!pair.ok) return pair;
  const { shown, text, original } = pair;
  const hash = contentHash(original);
  const before = recordedHash(text);
  try {
    writeFileSync(absolute, withTranslationOf(text, hash));
  } catch (error) {
    return { ok: false, text: `${shown}: ${(error as Error).message}` };
  }
  const was = before === undefined ? "was untracked" : before === hash ? "unchanged" : `was ${before}`;
  return { ok: true, text: `${shown}: translationOf "${hash}" (${was})` };
}

/** The command that shows what changed in the original since the translation's recorded version. */
function whatChanged(_page: PageReport, translationFile: string): string {
  return `npm run translations -- --diff ${translationFile}`;
}
