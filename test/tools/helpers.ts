/** Running the project's npm scripts as a writer would, and reading what they wrote. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx scripts/<script> …args`, from the project root, without a terminal. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary site root; with `fixture`, a copy of test/fixtures/<fixture>/. */
export function tempRoot(fixture?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), `tools-${fixture ?? "empty"}-`));
  if (fixture) cpSync(path.join(PROJECT_ROOT, "test", "fixtures", fixture), root, { recursive: true });
  return root;
}
