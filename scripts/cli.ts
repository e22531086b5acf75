/**
 * What the writers' commands (`npm run new`, `translations`, `check:external`)
 * share: how they stop with a message, their `--help`, and the site they work on.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadProject, PROJECT_ROOT, type Project } from "../plugins/core/project.ts";

/** Says why on stderr and exits with `code` (1: the answer is no; 2: wrong arguments). */
export function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Prints the first doc comment of the script at `moduleUrl` (its usage) and exits 0. */
export function printUsage(moduleUrl: string): never {
  const doc = /\/\*\*\n([\s\S]*?)\*\//.exec(readFileSync(new URL(moduleUrl), "utf8"))?.[1] ?? "";
  process.stdout.write(doc.replace(/^ \* ?/gm, ""));
  process.exit(0);
}

/** The site in `root` (default: this repository): its content/ and data/, built into `output` (default: its _site/). */
export function projectAt(root: string | undefined, output?: string): Promise<Project> {
  const dir = path.resolve(root ?? PROJECT_ROOT);
  return loadProject({ input: path.join(dir, "content"), data: path.join(dir, "data"), output: output ?? path.join(dir, "_site") });
}
