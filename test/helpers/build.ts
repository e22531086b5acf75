/**
 * Builds a site with the project's own config, in this process, into a fresh
 * temporary folder: the starter site (content/) or a fixture under
 * test/fixtures/<name>/ (its own content/, and data/ if it brings one).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import assert from "node:assert/strict";
import Eleventy from "@11ty/eleventy";
import { filesUnder } from "../../plugins/core/files.ts";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { ContentError } from "../../plugins/core/problems.ts";
import type { EleventyConfig } from "../../plugins/core/eleventy.ts";

export interface BuildOptions {
  /** Fixture name under test/fixtures/, or undefined for the starter site. */
  fixture?: string;
  /** A content folder of its own instead (inside the project: {@link contentWorkFolder}). */
  input?: string;
  /** Output folder; a new temporary one by default. */
  output?: string;
  /** Forced build time (ISO 8601), as SITE_NOW. */
  now?: string;
  /** "build" (default) hides drafts and future posts; "serve" shows them. */
  runMode?: "build" | "serve";
  /** Registers more on the configuration, before the project's config file does. */
  config?: (cfg: EleventyConfig) => void;
}

export interface BuiltSite {
  output: string;
  /** Every written file, relative to output, with forward slashes. */
  files: string[];
  read(file: string): string;
  exists(file: string): boolean;
}

export function fixtureDir(name: string): string {
  return path.join(PROJECT_ROOT, "test", "fixtures", name);
}

/**
 * A scratch folder for a content copy a test edits: inside the project, since
 * Eleventy copies files only from inside its working folder (scripts/build.ts
 * refuses an --input outside it), and not in .gitignore, whose folders Eleventy
 * skips. The test removes it when done.
 */
export function contentWorkFolder(name: string): string {
  return mkdtempSync(path.join(PROJECT_ROOT, `.work-${name}-`));
}

/**
 * The starter site copied into `work` (from {@link contentWorkFolder}): its content
 * folder and the data it keeps beside it (data/services.yaml, which its status
 * notices name; site.ts and the strings are the project's anyway). Returns the
 * copy's content folder.
 */
export function copyStarter(work: string): string {
  const content = path.join(work, "content");
  cpSync(path.join(PROJECT_ROOT, "content"), content, { recursive: true });
  mkdirSync(path.join(work, "data"), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, "data", "services.yaml"), path.join(work, "data", "services.yaml"));
  return content;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const input = options.input ?? (options.fixture ? path.join(fixtureDir(options.fixture), "content") : path.join(PROJECT_ROOT, "content"));
  const output = options.output ?? mkdtempSync(path.join(tmpdir(), `site-${options.fixture ?? "starter"}-`));
  const previousNow = process.env.SITE_NOW;
  if (options.now) process.env.SITE_NOW = options.now;
  const cwd = process.cwd();
  // Eleventy sets process.exitCode when a build fails; an expected failure must not fail the test file.
  const exitCode = process.exitCode;
  process.chdir(PROJECT_ROOT);
  try {
    const eleventy = new Eleventy(path.relative(PROJECT_ROOT, input), output, {
      configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
      quietMode: true,
      runMode: options.runMode ?? "build",
      // Like the command line: our input/output win over the config file's `dir`.
      source: "cli",
      ...(options.config ? { config: options.config as (cfg: unknown) => void } : {}),
    });
    await eleventy.write();
  } finally {
    process.exitCode = exitCode;
    process.chdir(cwd);
    if (options.now) {
      if (previousNow === undefined) delete process.env.SITE_NOW;
      else process.env.SITE_NOW = previousNow;
    }
  }
  return builtSite(output);
}

/** Reads a folder that already holds a build (e.g. `_site/` from `npm run build`). */
export function builtSite(output: string): BuiltSite {
  const files = filesUnder(output);
  return {
    output,
    files,
    read: (file) => readFileSync(path.join(output, file), "utf8"),
    exists: (file) => files.includes(file.replace(/^\//, "")),
  };
}

/**
 * The starter site as `npm test` built it into `_site/` (see scripts/run-tests.ts),
 * or a fresh temporary build when there is none.
 */
export async function starterSite(): Promise<BuiltSite> {
  const built = path.join(PROJECT_ROOT, "_site");
  if (process.env.SITE_TESTS_BUILT === "1" || existsSync(path.join(built, "index.html"))) return builtSite(built);
  return buildSite();
}

/**
 * Builds a fixture that must fail on content problems and returns the
 * ContentError behind the failure (Eleventy wraps it); anything else fails the test.
 */
export async function buildFailure(options: BuildOptions): Promise<ContentError> {
  let failure: unknown;
  try {
    await buildSite(options);
  } catch (error) {
    failure = error;
  }
  assert.ok(failure !== undefined, `the build of ${options.fixture ?? "the starter site"} should fail`);
  for (let e = failure as { cause?: unknown; originalError?: unknown } | undefined; e; e = (e.cause ?? e.originalError) as typeof e) {
    if (e instanceof ContentError) return e;
  }
  assert.fail(`expected a ContentError, got ${String(failure)}`);
}

/**
 * Waits for work that does not hold the process by itself (a background worker
 * thread's, such as the Markdown rendered ahead: plugins/markdown/prerender.ts),
 * holding it meanwhile, as a build's own work does.
 */
export async function holdingProcess<T>(work: Promise<T> | undefined): Promise<T | undefined> {
  const running = setInterval(() => undefined, 1000);
  try {
    return await work;
  } finally {
    clearInterval(running);
  }
}
