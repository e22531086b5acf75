/**
 * data/site.ts is the file every association edits first: a slip there (a comma, an
 * address) stops `npm run build` and `npm start` with the file, the line or the field,
 * and what to do, never a stack trace; nothing is built or served.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";

/** The starter site with its own copy of the settings, edited by `edit`. */
function siteWithSettings(name: string, edit: (lines: string[]) => void): { work: string; content: string; settings: string } {
  const work = contentWorkFolder(name);
  const content = copyStarter(work);
  cpSync(path.join(PROJECT_ROOT, "data"), path.join(work, "data"), { recursive: true });
  const settings = path.join(work, "data", "site.ts");
  const lines = readFileSync(settings, "utf8").split("\n");
  edit(lines);
  writeFileSync(settings, lines.join("\n"));
  return { work, content, settings: path.relative(PROJECT_ROOT, settings) };
}

/** `npm run build`, or `npm start` (which should stop before serving anything). */
function run(command: "build" | "start", content: string, output: string) {
  const argv =
    command === "build"
      ? ["scripts/compiled.mjs", `--input=${content}`, `--output=${output}`]
      : ["--import", "tsx", "scripts/build.ts", "--serve", "--port=0", `--input=${content}`, `--output=${output}`];
  return spawnSync(process.execPath, argv, { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 120_000 });
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a comma missing in data/site.ts: both commands name its line and say what to look for", () => {
  let at = 0;
  const { work, content, settings } = siteWithSettings("settings-comma", (lines) => {
    at = lines.findIndex((l) => l.startsWith("  postsPerPage:"));
    lines[at] = lines[at]!.replace(/,$/, "");
    lines.splice(at + 1, 0, '  timezone: "Europe/Paris",');
  });
  try {
    const where = new RegExp(`^\\s*${escaped(settings)}:${at + 2} · Expected "\\}" but found "timezone" \\(a comma missing at the end of the line above\\?\\)$`, "m");
    for (const command of ["build", "start"] as const) {
      const output = path.join(work, `site-${command}`);
      const done = run(command, content, output);
      assert.equal(done.status, 1, `${command}: ${done.stderr}`);
      assert.match(done.stderr, where, command);
      assert.match(done.stderr, command === "build" ? /The site was not built: fix the line above/ : /Nothing is served: fix the file above and save it\./);
      assert.doesNotMatch(done.stderr, /^\s+at /m, `${command}: no stack trace`);
      assert.equal(existsSync(output), false, `${command}: nothing written`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("an account's address in http://: both commands name the field, without a stack trace", () => {
  const { work, content, settings } = siteWithSettings("settings-field", (lines) => {
    const at = lines.findIndex((l) => l.includes("https://piaille.chatons-loire.example/@asso"));
    lines[at] = lines[at]!.replace("https://", "http://");
  });
  try {
    for (const command of ["build", "start"] as const) {
      const output = path.join(work, `site-${command}`);
      const done = run(command, content, output);
      assert.equal(done.status, 1, `${command}: ${done.stderr}`);
      assert.match(done.stderr, new RegExp(`^  ${escaped(settings)} · elsewhere\\.0\\.url · an https:// address$`, "m"), command);
      assert.doesNotMatch(done.stderr, /^\s+at /m, `${command}: no stack trace`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
