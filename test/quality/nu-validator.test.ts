/**
 * The W3C Nu HTML checker (vnu.jar, the validator behind validator.w3.org/nu)
 * on every HTML page of the build, offline: 0 errors. It complements
 * html-validate (test/site/starter.test.ts) with the HTML specification's own
 * content models and attribute grammars.
 *
 * Needs Java 11+ (`apt-get install -y default-jre-headless` on Debian) and the
 * jar: the `vnu-jar` package, or any vnu.jar named by VNU_JAR. Without either
 * the test says why it skipped.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { before, describe, test } from "node:test";
import { builtPages, siteUnderTest, type BuiltPage } from "./pages.ts";
import type { BuiltSite } from "../helpers/build.ts";

/** Thread stack for the checker: its regular expressions recurse deeply on long pages. */
const JAVA_ARGS = ["-Xss4m"];

function findJar(): string | undefined {
  if (process.env.VNU_JAR) return existsSync(process.env.VNU_JAR) ? process.env.VNU_JAR : undefined;
  try {
    // The package's main export is the jar's path.
    return String(createRequire(import.meta.url)("vnu-jar"));
  } catch {
    return undefined;
  }
}

function skipReason(): false | string {
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  const reason =
    java.error || java.status !== 0
      ? "Nu checker skipped: java not found (apt-get install -y default-jre-headless)"
      : findJar()
        ? false
        : "Nu checker skipped: vnu.jar not found (the vnu-jar package, or VNU_JAR=/path/to/vnu.jar)";
  if (reason) console.log(reason);
  return reason;
}

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

const skip = skipReason();

describe("the W3C Nu HTML checker", { skip }, () => {
  let site: BuiltSite;
  let pages: BuiltPage[];
  let messages: NuMessage[] = [];

  before(async () => {
    site = await siteUnderTest();
    pages = builtPages(site);
    const jar = findJar()!;
    const files = pages.map((p) => path.join(site.output, p.file));
    // --errors-only: warnings (e.g. CSP 'self' against file: URLs) are advice, not invalidity. Output goes to stderr.
    const run = spawnSync("java", [...JAVA_ARGS, "-jar", jar, "--errors-only", "--format", "json", ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw run.error;
    const parsed = JSON.parse(run.stderr || run.stdout) as { version?: string; messages: NuMessage[] };
    messages = parsed.messages;
    console.log(`Nu checker ${parsed.version ?? ""}: ${files.length} pages, ${messages.length} errors`);
  });

  test("every HTML page has 0 errors", () => {
    assert.ok(pages.length > 0);
    assert.deepEqual(
      messages.map((m) => `${path.relative(site.output, (m.url ?? "").replace(/^file:/, ""))}:${m.lastLine ?? "?"} ${m.type}: ${m.message}${m.extract ? ` — ${m.extract.trim()}` : ""}`),
      [],
    );
  });
});
