/**
 * npm run new: a new post, event, report or docs page, in the right folder,
 * with front matter that passes the build's validation. Asks questions in a
 * terminal; takes flags in scripts. Never overwrites a file.
 *
 *   npm run new                                   asks for everything
 *   npm run new -- post --title "Nouveau serveur" [--date 2025-07-03T09:30] [--summary …] [--author "Léa Dubois"] [--tags a,b]
 *   npm run new -- event --title "Install party" --start 2025-03-12T18:30 [--end …] [--every month --until 2025-06-30] (--online https://… | --venue … --address … --city …)
 *   npm run new -- report --exercice 2024-2025 --kind moral|financial|assembly [--title …] [--date 2025-06-14]
 *   npm run new -- doc --title "Publier un article" [--section ecrire] [--order 2]
 *   npm run new -- notice --title "Mise à jour de Nextcloud" --kind maintenance|incident --services fichiers[,messagerie] --start 2025-03-12T20:00 [--end 2025-03-12T22:00]
 *   common: --lang fr (the default language; translations start from a copy of the original), --slug <folder name>,
 *           --root <dir> (a site other than this one: its content/ and data/)
 *
 * Exit codes: 0 created, 1 the file exists or an answer is wrong, 2 wrong arguments.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { buildNow } from "../plugins/core/project.ts";
import { localizedUrl, parseContentPath } from "../plugins/i18n/paths.ts";
import { AnswerError, collectAnswers, type Ask } from "./new/answers.ts";
import { fail, printUsage, projectAt } from "./cli.ts";
import { scaffold, TYPES, type ContentType } from "./new/templates.ts";
import { serviceIdsOf } from "../plugins/services/index.ts";

const USAGE = `Usage: npm run new -- <${TYPES.join("|")}> --title "…" [options]   (npm run new -- --help for every option)`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: "string" },
      lang: { type: "string" },
      slug: { type: "string" },
      summary: { type: "string" },
      date: { type: "string" },
      author: { type: "string", multiple: true },
      tags: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
      every: { type: "string" },
      until: { type: "string" },
      venue: { type: "string" },
      address: { type: "string" },
      city: { type: "string" },
      online: { type: "string" },
      exercice: { type: "string" },
      kind: { type: "string" },
      services: { type: "string" },
      section: { type: "string" },
      order: { type: "string" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const { values: flags, positionals } = parsed;
if (flags.help) printUsage(import.meta.url);
if (positionals.length > 1) fail(`one type at a time, found ${positionals.join(" ")}\n${USAGE}`, 2);

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
// Ctrl+C at a question ends it like Ctrl+D: the pending question is aborted (see the catch below).
rl?.on("SIGINT", () => rl.close());
const ask: Ask = rl && ((question, suggestion) => rl.question(`${question}${suggestion ? ` [${suggestion}]` : ""}: `));

try {
  let type = positionals[0];
  if (!type && ask) {
    for (;;) {
      type = (await ask(`Type (${TYPES.join(", ")})`, "post")).trim() || "post";
      if (TYPES.includes(type as ContentType)) break;
      process.stderr.write(`  expected one of ${TYPES.join(", ")}\n`);
    }
  }
  if (!type) fail(`which type? ${USAGE}`, 2);
  if (!TYPES.includes(type as ContentType)) fail(`unknown type "${type}": expected one of ${TYPES.join(", ")}`, 2);

  const project = await projectAt(flags.root);
  const { site } = project;
  const answers = await collectAnswers(type as ContentType, flags, ask, {
    serviceIds: serviceIdsOf(project),
    languages: site.languages.map((l) => l.code),
    defaultLanguage: site.defaultLanguage,
    timezone: site.timezone,
    now: buildNow(),
  });
  if (answers.kind === "financial" && !["yaml", "yml"].some((ext) => existsSync(path.join(project.data, "finances", `${answers.exercice}.${ext}`)))) {
    fail(`a financial report shows the figures of ${path.relative(process.cwd(), path.join(project.data, "finances", `${answers.exercice}.yaml`))}, which does not exist: write that file first (see the others in that folder)`, 1);
  }
  const { file, text } = scaffold(answers);
  const absolute = path.join(project.input, file);
  const shown = path.relative(process.cwd(), absolute);
  mkdirSync(path.dirname(absolute), { recursive: true });
  try {
    // "wx": fails if the file exists, even if it appeared since we looked.
    writeFileSync(absolute, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      fail(`${shown} already exists: nothing was written. Choose another title, or give a folder name with --slug.`, 1);
    }
    throw error;
  }
  const where = parseContentPath(file, site.languages.map((l) => l.code));
  const urlPath = where.ok ? where.path.urlPath : "";
  const others = site.languages.map((l) => l.code).filter((c) => c !== answers.lang);
  process.stdout.write(
    [
      `Created ${shown}`,
      "",
      "Next:",
      `  1. Write the text in that file (Markdown).${type === "post" || type === "event" ? " Photos go in the same folder." : ""}`,
      `  2. See it with npm start, at http://localhost:8080${localizedUrl(urlPath, answers.lang, site.defaultLanguage)}`,
      `  3. Delete the line "draft: true" when it is ready to publish, then commit the folder.`,
      ...others.map(
        (lang) =>
          `  Translation (${lang}): copy it to ${path.relative(process.cwd(), absolute.replace(/\.[^./]+\.md$/, `.${lang}.md`))}, translate it, then run npm run translations -- --mark <that file>`,
      ),
      "",
    ].join("\n"),
  );
} catch (error) {
  if (error instanceof AnswerError) fail(error.message, 1);
  // Ctrl+D (end of input) or Ctrl+C at a question: the writer changed their mind.
  if ((error as { code?: string }).code === "ABORT_ERR") fail("\nStopped: nothing was written.", 1);
  throw error;
} finally {
  rl?.close();
}
