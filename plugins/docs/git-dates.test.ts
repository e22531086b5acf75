import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { gitDates, parseGitLog } from "./git-dates.ts";

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

describe("last updated dates from git", () => {
  test("parseGitLog keeps the newest date of each file", () => {
    const log = "\u001e2025-03-02T10:00:00+01:00\n\ndocs/a.md\n\u001e2025-03-01T09:00:00+01:00\n\ndocs/a.md\ndocs/b.md\n";
    assert.deepEqual(
      [...parseGitLog(log)],
      [
        ["docs/a.md", "2025-03-02T10:00:00+01:00"],
        ["docs/b.md", "2025-03-01T09:00:00+01:00"],
      ],
    );
    assert.equal(parseGitLog("").size, 0);
  });

  test("each file of a folder gets the date of the last commit that changed it, in one pass", async () => {
    const r = repo();
    r.commit("content/docs/index.fr.md", "un", "2025-01-10T09:00:00+01:00");
    r.commit("content/docs/écrire/index.fr.md", "deux", "2025-02-11T10:00:00+01:00");
    r.commit("content/docs/index.fr.md", "un bis", "2025-06-12T11:30:00+02:00");
    r.commit("README.md", "hors du dossier", "2025-07-01T08:00:00+02:00");
    const { dates, unavailable } = await gitDates(path.join(r.dir, "content"));
    assert.equal(unavailable, undefined);
    assert.equal(dates.get(path.join(r.dir, "content/docs/index.fr.md")), "2025-06-12T11:30:00+02:00");
    assert.equal(dates.get(path.join(r.dir, "content/docs/écrire/index.fr.md")), "2025-02-11T10:00:00+01:00");
    assert.equal(dates.has(path.join(r.dir, "README.md")), false);
  });

  test("a shallow clone gives no dates rather than the one commit's date for every file", async () => {
    const r = repo();
    r.commit("content/a.fr.md", "un", "2025-01-10T09:00:00+01:00");
    r.commit("content/b.fr.md", "deux", "2025-05-10T09:00:00+02:00");
    const clone = path.join(realpathSync(mkdtempSync(path.join(tmpdir(), "git-dates-clone-"))), "site");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${r.dir}`, clone], { stdio: "pipe" });
    const result = await gitDates(path.join(clone, "content"));
    assert.equal(result.unavailable, "shallow clone");
    assert.equal(result.dates.size, 0);
  });

  test("a folder outside any repository gives no dates", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "git-dates-none-"));
    const result = await gitDates(dir);
    assert.equal(result.unavailable, "not a git repository");
    assert.equal(result.dates.size, 0);
  });
});
