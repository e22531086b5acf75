/**
 * What the import tests share: the old site served on 127.0.0.1 (its feeds
 * name it https://ancien.chatons-loire.example; the server answers in its
 * place), `npm run import` run as a writer would, and a build of the result
 * with the project's own config.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";

export const OLD_ORIGIN = "https://ancien.chatons-loire.example";
export const FIXTURE = path.join(PROJECT_ROOT, "test", "fixtures", "import");

export interface OldSite {
  origin: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves test/fixtures/import/old-site/, its feeds pointing at this server instead of the old host. */
export async function serveOldSite(): Promise<OldSite> {
  const dir = path.join(FIXTURE, "old-site");
  const requests: string[] = [];
  let origin = "";
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(pathname);
    const file = path.join(dir, path.posix.normalize(pathname));
    try {
      let body: Buffer | string = await readFile(file);
      if (file.endsWith(".xml")) body = body.toString("utf8").replaceAll(OLD_ORIGIN, origin);
      res.writeHead(200).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run import -- …args` (without blocking this process, which may be serving the old site). */
export function runImport(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** A new site root holding the fixture's skeleton site (home, donate page, folder data files). */
export function siteRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), "import-site-"));
  cpSync(path.join(FIXTURE, "site"), root, { recursive: true });
  return root;
}

/** Every file under `dir` with its bytes as text, to compare two states of a site. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full, "latin1"));
    }
  };
  walk(dir);
  return files;
}

/** Builds `root`/content with the project's config into a temporary folder; throws what the build throws. */
export async function buildImported(root: string): Promise<string> {
  const output = mkdtempSync(path.join(tmpdir(), "import-build-"));
  const cwd = process.cwd();
  const exitCode = process.exitCode;
  process.chdir(PROJECT_ROOT);
  try {
    const eleventy = new Eleventy(path.relative(PROJECT_ROOT, path.join(root, "content")), output, {
      configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
      quietMode: true,
      source: "cli",
    });
    await eleventy.write();
  } finally {
    process.exitCode = exitCode;
    process.chdir(cwd);
  }
  return output;
}
