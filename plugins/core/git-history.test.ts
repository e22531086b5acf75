import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { EventEmitter } from "node:events";
import { after } from "node:test";
import { filesChanged, trustWatcher } from "./file-memo.ts";
import { buildGitHistory, historyOf, parseGitLog, parseGitStatus, readGitHistory, readGitHistoryAside } from "./git-history.ts";

/** A throwaway repository whose commits carry the dates we choose. */
function repo(): { dir: string; commit(file: string, text: string, date: string): void } {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "git-dates-")));
  const git = (args: string[], date?: string) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" },
      stdio: "pipe",
    });
  git(["init", "-q", "-b", "main"]);
  return {
    dir,
    commit(file, text, date) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
      git(["add", file]);
      git(["commit", "-q", "-m", `edit ${file}`], date);
    },
  };
}

/** Each file's newest commit date: the docs' "last updated". */
const newest = (files: Map<string, { date: string }[]>) => new Map([...files].map(([file, commits]) => [file, commits[0]!.date]));

describe("git history of the content folder", () => {
  test("parseGitLog keeps the newest date of each file first", () => {
    const log = "\u001e2025-03-02T10:00:00+01:00\n\ndocs/a.md\n\u001e2025-03-01T09:00:00+01:00\n\ndocs/a.md\ndocs/b.md\n";
    const parsed = parseGitLog(log);
    assert.deepEqual(
      [...newest(parsed.files)],
      [
        ["docs/a.md", "2025-03-02T10:00:00+01:00"],
        ["docs/b.md", "2025-03-01T09:00:00+01:00"],
      ],
    );
    assert.deepEqual(parsed.files.get("docs/a.md")?.map((c) => c.date), ["2025-03-02T10:00:00+01:00", "2025-03-01T09:00:00+01:00"]);
    assert.equal(parsed.commits.length, 2);
    assert.equal(parseGitLog("").files.size, 0);
  });

  test("parseGitStatus reads the paths of porcelain -z output, accents and spaces included", () => {
    assert.deepEqual(parseGitStatus(" M content/a.fr.md\0?? content/écrire/mon fichier.md\0D  content/b.md\0"), ["content/a.fr.md", "content/écrire/mon fichier.md", "content/b.md"]);
    assert.deepEqual(parseGitStatus(""), []);
  });

  test("each file of a folder gets the date of the last commit that changed it, in one pass", () => {
    const r = repo();
    r.commit("content/docs/index.fr.md", "un", "2025-01-10T09:00:00+01:00");
    r.commit("content/docs/écrire/index.fr.md", "deux", "2025-02-11T10:00:00+01:00");
    r.commit("content/docs/index.fr.md", "un bis", "2025-06-12T11:30:00+02:00");
    r.commit("README.md", "hors du dossier", "2025-07-01T08:00:00+02:00");
    const { files, unavailable } = readGitHistory(path.join(r.dir, "content"));
    const dates = newest(files);
    assert.equal(unavailable, undefined);
    assert.equal(dates.get(path.join(r.dir, "content/docs/index.fr.md")), "2025-06-12T11:30:00+02:00");
    assert.equal(dates.get(path.join(r.dir, "content/docs/écrire/index.fr.md")), "2025-02-11T10:00:00+01:00");
    assert.equal(dates.has(path.join(r.dir, "README.md")), false);
  });

  test("a shallow clone gives no dates rather than the one commit's date for every file", () => {
    const r = repo();
    r.commit("content/a.fr.md", "un", "2025-01-10T09:00:00+01:00");
    r.commit("content/b.fr.md", "deux", "2025-05-10T09:00:00+02:00");
    const clone = path.join(realpathSync(mkdtempSync(path.join(tmpdir(), "git-dates-clone-"))), "site");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${r.dir}`, clone], { stdio: "pipe" });
    const result = readGitHistory(path.join(clone, "content"));
    assert.equal(result.unavailable, "shallow clone");
    assert.equal(result.files.size, 0);
  });

  test("a folder outside any repository gives no dates", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "git-dates-none-"));
    const result = readGitHistory(dir);
    assert.equal(result.unavailable, "not a git repository");
    assert.equal(result.files.size, 0);
  });

  test("a folder's commits are counted once, oldest last, and uncommitted edits are seen", () => {
    const r = repo();
    r.commit("content/events/a/index.fr.md", "un", "2025-01-10T09:00:00+01:00");
    r.commit("content/events/a/index.en.md", "one", "2025-01-11T09:00:00+01:00");
    r.commit("content/events/ab/index.fr.md", "voisin", "2025-01-12T09:00:00+01:00");
    r.commit("content/single.fr.md", "seul", "2025-01-13T09:00:00+01:00");
    writeFileSync(path.join(r.dir, "content/single.en.md"), "not committed");
    const history = readGitHistory(path.join(r.dir, "content"));
    const a = historyOf(history, path.join(r.dir, "content/events/a"));
    assert.deepEqual(a.commits.map((c) => c.date), ["2025-01-11T09:00:00+01:00", "2025-01-10T09:00:00+01:00"], "not the neighbour folder events/ab");
    assert.equal(a.dirty, false);
    const single = historyOf(history, path.join(r.dir, "content/single.*"));
    assert.deepEqual([single.commits.length, single.dirty], [1, true]);
    // A folder holds what is below it at any depth; a file is itself alone.
    const events = historyOf(history, path.join(r.dir, "content/events"));
    assert.deepEqual(events.commits.map((c) => c.date), ["2025-01-12T09:00:00+01:00", "2025-01-11T09:00:00+01:00", "2025-01-10T09:00:00+01:00"]);
    assert.deepEqual(historyOf(history, path.join(r.dir, "content/single.fr.md")), { commits: [single.commits[0]!], dirty: false });
    assert.equal(historyOf(history, path.join(r.dir, "content/single.en.md")).dirty, true);
    assert.equal(historyOf(history, path.join(r.dir, "content")).commits.length, 4);
  });

  test("npm start keeps the history until a commit; a file saved meanwhile counts as uncommitted", () => {
    const r = repo();
    r.commit("content/events/a/index.fr.md", "un", "2025-01-10T09:00:00+01:00");
    const content = path.join(r.dir, "content");
    const file = path.join(content, "events/a/index.fr.md");
    trustWatcher(content);
    after(() => trustWatcher(undefined));
    // Eleventy's configuration API as far as this uses it: its build events.
    const events = new EventEmitter();
    const history = buildGitHistory({ on: (name: string, listener: (...args: unknown[]) => void) => events.on(name, listener) } as never, content);
    events.emit("eleventy.before", { runMode: "serve" });
    const first = history();
    assert.deepEqual(historyOf(first, path.dirname(file)), { commits: first.commits, dirty: false });

    writeFileSync(file, "un, relu");
    filesChanged([file]);
    events.emit("eleventy.before", { runMode: "serve" });
    assert.equal(history(), first);
    assert.equal(historyOf(history(), path.dirname(file)).dirty, true);

    r.commit("content/events/a/index.fr.md", "deux", "2025-02-10T09:00:00+01:00");
    events.emit("eleventy.before", { runMode: "serve" });
    const second = history();
    assert.notEqual(second, first);
    assert.deepEqual(historyOf(second, path.dirname(file)), { commits: second.commits, dirty: false });
    assert.equal(second.commits.length, 2);

    events.emit("eleventy.before", { runMode: "build" });
    assert.notEqual(history(), second);
  });

  test("read aside, git gives the same history as read when asked, and says the same of a folder outside any repository", async () => {
    const r = repo();
    r.commit("content/events/a/index.fr.md", "un", "2025-01-10T09:00:00+01:00");
    r.commit("content/docs/écrire/index.fr.md", "deux", "2025-02-11T10:00:00+01:00");
    writeFileSync(path.join(r.dir, "content/events/a/index.en.md"), "not committed");
    const content = path.join(r.dir, "content");
    const aside = await readGitHistoryAside(content);
    const now = readGitHistory(content);
    assert.deepEqual({ ...aside, gitState: undefined }, { ...now, gitState: undefined });
    assert.equal(aside.files.size, 2);
    assert.deepEqual([...aside.dirty], [path.join(content, "events/a/index.en.md")]);
    const outside = mkdtempSync(path.join(tmpdir(), "git-dates-none-"));
    assert.deepEqual(await readGitHistoryAside(outside), readGitHistory(outside));
  });

  test("npm run build starts git as the build starts: the first page that asks finds the history already read", async () => {
    const r = repo();
    r.commit("content/events/a/index.fr.md", "un", "2025-01-10T09:00:00+01:00");
    const content = path.join(r.dir, "content");
    const events = new EventEmitter();
    const history = buildGitHistory({ on: (name: string, listener: (...args: unknown[]) => void) => events.on(name, listener) } as never, content);
    events.emit("eleventy.before", { runMode: "build" });
    // The build reads its templates meanwhile; git's processes for a folder this small are done well before.
    await readGitHistoryAside(content);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Asked now, git could no longer answer: the history is the one read as the build started.
    renameSync(path.join(r.dir, ".git"), path.join(r.dir, ".git-away"));
    const first = history();
    assert.equal(first.unavailable, undefined);
    assert.equal(first.commits.length, 1);
    // The next build reads it again, and finds no repository.
    events.emit("eleventy.before", { runMode: "build" });
    assert.equal(history().unavailable, "not a git repository");
  });
});
