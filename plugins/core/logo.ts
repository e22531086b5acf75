/**
 * The association's logo (`logo` in data/site.ts), read once per build and
 * inlined by the layouts, so that a replacement SVG dropped into data/ needs no
 * code change. Whatever precedes `<svg` (XML prolog, doctype, editor comments)
 * is left out: inside HTML it would be invalid.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** The `<svg …>…</svg>` markup of `file` in `dataDir`; a missing or non-SVG file stops the build naming the setting. */
export function readLogo(dataDir: string, file: string, settingsFile = "data/site.ts"): string {
  const full = path.join(dataDir, file);
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch {
    throw new Error(`${settingsFile} · logo · "${file}" was not found in ${dataDir}: put the SVG there or remove the setting`);
  }
  const start = text.search(/<svg[\s>]/);
  const end = text.lastIndexOf("</svg>");
  if (start < 0 || end < start) throw new Error(`${settingsFile} · logo · ${full} is not an SVG file (no <svg> element found)`);
  return text.slice(start, end + "</svg>".length).replace(/<!--[\s\S]*?-->/g, "");
}
