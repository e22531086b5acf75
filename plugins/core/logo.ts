/**
 * The association's logo (`logo` in data/site.ts), read once per build and
 * inlined by the layouts, so that a replacement SVG dropped into data/ needs no
 * code change. Whatever precedes `<svg` (XML prolog, doctype, editor comments)
 * is left out: inside HTML it would be invalid.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The `<svg …>…</svg>` markup of `file`, from the first of `dataDirs` that has it (a site's
 * own data folder, then the project's, as for the UI strings); for a missing or non-SVG
 * file, what is wrong with the setting, in one sentence (folders named from `root`).
 */
export function readLogo(dataDirs: readonly string[], file: string, root: string): { svg: string } | { problem: string } {
  const full = dataDirs.map((dir) => path.join(dir, file)).find((candidate) => existsSync(candidate));
  const shown = (folder: string) => `${path.relative(root, folder) || "."}/`;
  if (!full) return { problem: `"${file}" was not found in ${[...new Set(dataDirs.map(shown))].join(" or ")}: put the SVG there or remove the setting` };
  const text = readFileSync(full, "utf8");
  const start = text.search(/<svg[\s>]/);
  const end = text.lastIndexOf("</svg>");
  if (start < 0 || end < start) return { problem: `${path.relative(root, full)} is not an SVG file (no <svg> element in it)` };
  return { svg: text.slice(start, end + "</svg>".length).replace(/<!--[\s\S]*?-->/g, "") };
}
