/**
 * npm run new as a writer meets it in a terminal: Ctrl+D at a question stops
 * with one line and no stack trace; an author taken from git is said so.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { runScript, tempRoot } from "./helpers.ts";

// A real pseudo-terminal (Python's pty module): npm run new only asks questions in one.
const PTY = `
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out, sent, end = b"", False, time.time() + 60
while time.time() < end:
    if not select.select([fd], [], [], 0.2)[0]:
        continue
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    if not sent and b"Type (" in out:
        sent = True
        time.sleep(0.3)
        os.write(fd, b"\\x04")
status = os.waitpid(pid, 0)[1]
sys.stdout.write(out.decode("utf8", "replace") + "\\nEXIT %d\\n" % os.waitstatus_to_exitcode(status))
`;
const python = spawnSync("python3", ["--version"]).status === 0;

test("Ctrl+D at a question stops cleanly: one line, no stack trace, nothing written", { skip: !python && "python3 is needed for a pseudo-terminal" }, () => {
  const root = tempRoot();
  const run = spawnSync("python3", ["-c", PTY, process.execPath, "--import", "tsx", "scripts/new.ts", "--root", root], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 90_000 });
  const text = run.stdout.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
  assert.match(text, /Type \(post, event, report, doc, notice\) \[post\]:/);
  assert.match(text, /^Stopped: nothing was written\.\r?$/m);
  assert.match(text, /EXIT 1/);
  assert.doesNotMatch(text, /AbortError|^\s+at /m);
});

test("an author taken from git's user.name is said so", () => {
  const root = tempRoot();
  const git = { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "user.name", GIT_CONFIG_VALUE_0: "Camille Martin", SITE_NOW: "2025-07-03T09:30:00+02:00" };
  const run = runScript("new.ts", ["post", "--title", "Un article", "--root", root], git);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr.trim(), 'Author: Camille Martin, your git user.name (give another with --author "…", or edit the file).');
  const file = /^Created (.+)$/m.exec(run.stdout)![1]!;
  assert.match(readFileSync(path.resolve(PROJECT_ROOT, file), "utf8"), /^authors: \[ ?Camille Martin ?\]$/m);
});
