/**
 * Where things are. The project's own layouts are used for every site built
 * with this config, including the fixture sites of the tests, which bring
 * their own content/ and may bring their own data/ (else the project's).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ContentError } from "./problems.ts";
import { readLogo } from "./logo.ts";
import { parseSite, settingsError, type Site } from "./site.ts";
import { isSyntaxFailure, syntaxProblems } from "./syntax-errors.mjs";
import { buildInstant, perBuild } from "./build-pass.ts";
import { compiledModule } from "./compiled.ts";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Project {
  /** Absolute content folder (Eleventy's input). */
  input: string;
  /** Absolute data folder: site.ts, i18n/, finances/. */
  data: string;
  /**
   * Absolute folder of the site's own data (Eleventy's global data), whether or not it
   * holds a site.ts: what a test fixture brings, where `data` may be the project's.
   */
  ownData: string;
  /** Absolute folder of the UI strings (`<lang>.json`): the data folder's, else the project's. */
  strings: string;
  /** Absolute output folder. */
  output: string;
  /** Absolute layouts folder (always the project's). */
  layouts: string;
  /** The root against which file names are reported (the repository). */
  root: string;
  site: Site;
  /** The logo's `<svg>` markup (`logo` in site.ts), if the site has one. */
  logo?: string;
}

export async function loadProject(dirs: { input: string; data: string; output: string }): Promise<Project> {
  const input = path.resolve(dirs.input);
  const ownData = path.resolve(dirs.data);
  const data = existsSync(path.join(ownData, "site.ts")) ? ownData : path.join(PROJECT_ROOT, "data");
  const file = path.join(data, "site.ts");
  // `npm run build` runs compiled, without a TypeScript loader: the settings' compiled module (scripts/compiled.mjs).
  let mod: { default: unknown };
  try {
    mod = (await import(compiledModule(file) ?? file)) as { default: unknown };
  } catch (error) {
    // A comma or a quote missing: where, not the TypeScript loader's stack (compiled,
    // scripts/compiled.mjs has said it already). tsx's error crosses its loader thread
    // without esbuild's messages: the file is read again for them.
    throw (await syntaxMistakes(file)) ?? error;
  }
  // Its text only gives the line of a field a problem names.
  const source = readFileSync(file, "utf8");
  const settings = path.relative(PROJECT_ROOT, file);
  const site = parseSite(mod.default, settings, source);
  // The logo's markup, read once (the layouts inline it: it takes the theme's colours).
  const logo = site.logo ? readLogo([data, path.join(PROJECT_ROOT, "data")], site.logo, PROJECT_ROOT) : undefined;
  if (logo && "problem" in logo) throw settingsError([{ path: ["logo"], message: logo.problem }], settings, source);
  const ownStrings = path.join(data, "i18n");
  return {
    input,
    data,
    ownData,
    strings: existsSync(ownStrings) ? ownStrings : path.join(PROJECT_ROOT, "data", "i18n"),
    output: path.resolve(dirs.output),
    layouts: path.join(PROJECT_ROOT, "layouts"),
    root: PROJECT_ROOT,
    site,
    logo: logo?.svg,
  };
}

/**
 * SITE_NOW, read once per build: the lists' cards and the posts' badges ask for
 * the build's time thousands of times, and each read of the environment is a
 * call into Node (11 ms of a 1,000-post rebuild).
 */
const forcedNow = perBuild((name) => process.env[name]);

/** The build's time (one instant per build: ./build-pass.ts), or the instant given in SITE_NOW (tests and previews of a future date). */
export function buildNow(): Date {
  const forced = forcedNow("SITE_NOW");
  if (forced) {
    const date = new Date(forced);
    if (Number.isNaN(date.getTime())) throw new Error(`SITE_NOW="${forced}" is not a date (expected ISO 8601, e.g. 2025-06-01T12:00:00+02:00)`);
    return date;
  }
  return buildInstant();
}

/** The syntax mistakes of a TypeScript file, as a {@link ContentError} at their lines; undefined when it has none. */
async function syntaxMistakes(file: string): Promise<ContentError | undefined> {
  const { transform } = await import("esbuild");
  try {
    await transform(readFileSync(file, "utf8"), { loader: "ts", sourcefile: path.relative(PROJECT_ROOT, file) });
    return undefined;
  } catch (error) {
    if (!isSyntaxFailure(error)) return undefined;
    return new ContentError(syntaxProblems(error.errors, PROJECT_ROOT).map(({ file, line, message }) => ({ file, ...(line ? { line } : {}), message })));
  }
}
