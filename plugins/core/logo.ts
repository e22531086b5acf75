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
 * own data folder, then the project's, as for the UI strings); a missing or non-SVG file
 * stops the build naming the setting.
 */
export function readLogo(dataDirs: readonly string[], file: string, settingsFile = "data/site.ts"): string {
  const full = dataDirs.map((dir) => path.join(dir, file)).find((candidate) => existsSync(candidate));
  if (!full) throw new Error(`${settingsFile} · logo · "${file}" was not found in ${dataDirs.join(" or ")}: put the SVG there or remove the setting`);
  const text = readFileSync(full, "utf8");
  const start = text.search(/<svg[\s>]/);
  const end = text.lastIndexOf("</svg>");
  if (start < 0 || end < start) throw new Error(`${settingsFile} · logo · ${full} is not an SVG file (no <svg> element found)`);
  return text.slice(start, end + "</svg>".length).replace(/<!--[\s\S]*?-->/g, "");
}
