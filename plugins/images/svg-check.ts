/**
 * An SVG is published as it is and, opened on its own, runs on the site's
 * origin like a page: a script, an event handler or a reference to another
 * host in it would run or load there. Every SVG of the content folder is read
 * with a real XML parser (sax, which gives each tag's line) and refused, file
 * and line, when it holds any of them: refusing is safer than rewriting the
 * drawing behind the writer's back, and a drawing needs none of them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sax from "sax";
import { perFile } from "../core/file-memo.ts";
import { contentFiles } from "../i18n/content-files.ts";
import type { ContentProblem } from "../core/problems.ts";

/** Elements that run code or embed another document. */
const ACTIVE_ELEMENTS = new Set(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"]);
/** Attributes whose value is a URL the browser follows or loads. */
const URL_ATTRIBUTES = new Set(["href", "xlink:href", "src"]);
/** A URL that stays inside the file or next to it: `#id`, a relative path, an inline raster image. */
const SAFE_URL = /^(#|(?![a-z][a-z0-9+.-]*:|\/\/)|data:image\/(png|jpe?g|gif|webp|avif)[;,])/i;
/** CSS that loads from elsewhere. */
const CSS_LOAD = /@import|url\(\s*['"]?\s*(?!#|data:image\/)[a-z][a-z0-9+.-]*:|url\(\s*['"]?\s*\/\//i;

const HINT = "delete it (an SVG is text: open it in a text editor at that line); a drawing needs neither scripts nor outside addresses";

export function checkSvg(text: string, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const parser = sax.parser(true, { xmlns: false, position: true });
  const at = (field: string, message: string) => problems.push({ file, line: parser.line + 1, field, message: `${message}: ${HINT}` });
  let styleDepth = 0;
  parser.ondoctype = (doctype) => {
    if (/<!ENTITY/i.test(doctype)) at("<!DOCTYPE>", "entity declarations are refused (they can expand without end or read other files)");
  };
  parser.onopentag = (tag) => {
    const name = tag.name.toLowerCase();
    if (ACTIVE_ELEMENTS.has(name)) at(`<${tag.name}>`, `a <${tag.name}> element would run or embed content on the site`);
    if (name === "style") styleDepth++;
    for (const [attribute, raw] of Object.entries(tag.attributes)) {
      const value = String(raw).trim();
      const lower = attribute.toLowerCase();
      if (lower.startsWith("on")) at(attribute, `the event handler ${attribute}="…" would run as a script on the site`);
      else if (URL_ATTRIBUTES.has(lower) && !SAFE_URL.test(value)) at(attribute, `${attribute}="${value.slice(0, 60)}" points outside the file`);
      else if (lower === "style" && CSS_LOAD.test(value)) at(attribute, "the style loads something from another address");
    }
  };
  parser.onclosetag = (name) => {
    if (name.toLowerCase() === "style") styleDepth--;
  };
  const onText = (text: string) => {
    if (styleDepth > 0 && CSS_LOAD.test(text)) at("<style>", "the stylesheet loads something from another address");
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  let broken = false;
  parser.onerror = (error) => {
    // One syntax error is enough: a broken file is reported once and not read further.
    if (!broken) problems.push({ file, line: parser.line + 1, message: `not a valid SVG (XML): ${error.message.split("\n")[0]}` });
    broken = true;
    throw error;
  };
  try {
    parser.write(text).close();
  } catch {
    // Reported by onerror.
  }
  return problems;
}

/** An SVG file's problems, read again only when it changed (npm start checks after every save). */
const checkSvgFile = perFile((full) => checkSvg(readFileSync(full, "utf8"), full));

/** Every SVG under `inputDir`; files are named relative to `root`. */
export function checkSvgFiles(inputDir: string, root: string): ContentProblem[] {
  return contentFiles(inputDir)
    .filter((rel) => /\.svg$/i.test(rel))
    .flatMap((rel) => {
      const full = path.join(inputDir, rel);
      return checkSvgFile(full).map((problem) => ({ ...problem, file: path.relative(root, full) }));
    });
}
