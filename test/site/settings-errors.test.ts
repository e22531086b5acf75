/**
 * data/site.ts is the file every association edits first: a slip there (a comma, an
 * address) stops `npm run build` and `npm start` with the file, the line or the field,
 * and what to do, never a stack trace; nothing is built or served.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";

/** The starter site with its own copy of the settings, edited by `edit`; removed when the test `t` ends. */
function siteWithSettings(t: TestContext, name: string, edit: (lines: string[]) => void): { work: string; content: string; settings: string } {
  const work = contentWorkFolder(name);
  t.after(() => rmSync(work, { recursive: true, force: true }));
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

test("a comma missing in data/site.ts: both commands name its line and say what to look for", (t) => {
  let at = 0;
  const { work, content, settings } = siteWithSettings(t, "settings-comma", (lines) => {
    at = lines.findIndex((l) => l.startsWith("  postsPerPage:"));
    lines[at] = lines[at]!.replace(/,$/, "");
    lines.splice(at + 1, 0, '  timezone: "Europe/Paris",');
  });
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
});

test("an account's address in http://: both commands name the line and the field, without a stack trace", (t) => {
  let at = 0;
  const { work, content, settings } = siteWithSettings(t, "settings-field", (lines) => {
    at = lines.findIndex((l) => l.includes("https://piaille.chatons-loire.example/@asso"));
    lines[at] = lines[at]!.replace("https://", "http://");
  });
  for (const command of ["build", "start"] as const) {
    const output = path.join(work, `site-${command}`);
    const done = run(command, content, output);
    assert.equal(done.status, 1, `${command}: ${done.stderr}`);
    assert.match(done.stderr, /^1 settings problem stopped the build:$/m, command);
    assert.match(done.stderr, new RegExp(`^  ${escaped(settings)}:${at + 1} · elsewhere\\.0\\.url · an https:// address, found "http://piaille\\.chatons-loire\\.example/@asso"$`, "m"), command);
    assert.doesNotMatch(done.stderr, /^\s+at /m, `${command}: no stack trace`);
  }
});

// A zone misspelt used to pass the settings and fail every date of the content
// instead: 89 lines about the starter's posts and events, some with "NaN" in them.
test("a time zone or a locale misspelt: one line each in data/site.ts, and not a word about the content", (t) => {
  const at: Record<string, number> = {};
  const { work, content, settings } = siteWithSettings(t, "settings-zone", (lines) => {
    at.timezone = lines.findIndex((l) => l.includes('timezone: "Europe/Paris"'));
    lines[at.timezone] = lines[at.timezone]!.replace("Europe/Paris", "Europe/Pariss");
    at.locale = lines.findIndex((l) => l.includes('locale: "en-GB"'));
    lines[at.locale] = lines[at.locale]!.replace("en-GB", "english");
  });
  const output = path.join(work, "site");
  const done = run("build", content, output);
  assert.equal(done.status, 1, done.stderr);
  const listed = done.stderr.split("\n").filter((l) => l.startsWith("  "));
  assert.deepEqual(listed, [
    `  ${settings}:${at.locale! + 1} · languages.1.locale · "english" is not a locale this system can write dates in: write one it knows, such as fr-FR or en-GB (a language it lacks can take the dates of another)`,
    `  ${settings}:${at.timezone! + 1} · timezone · "Europe/Pariss" is not a time zone: expected a name of the IANA time zone database, such as Europe/Paris`,
  ]);
  assert.match(done.stderr, /^2 settings problems stopped the build:$/m);
  assert.equal(existsSync(output), false, "nothing written");
});

test("a logo file that is not there: the line of the setting, the folders looked in, no stack trace", (t) => {
  let at = 0;
  const { work, content, settings } = siteWithSettings(t, "settings-logo", (lines) => {
    at = lines.findIndex((l) => l.includes('logo: "logo.svg"'));
    lines[at] = lines[at]!.replace("logo.svg", "logo-2027.svg");
  });
  const output = path.join(work, "site");
  const done = run("build", content, output);
  assert.equal(done.status, 1, done.stderr);
  const own = `${path.relative(PROJECT_ROOT, path.join(work, "data"))}/`;
  assert.match(done.stderr, new RegExp(`^  ${escaped(settings)}:${at + 1} · logo · "logo-2027\\.svg" was not found in ${escaped(own)} or data/: put the SVG there or remove the setting$`, "m"));
  assert.doesNotMatch(done.stderr, /^\s+at |stack trace/im);
  assert.equal(existsSync(output), false, "nothing written");
});
