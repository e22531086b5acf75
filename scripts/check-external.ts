/**
 * npm run check:external: every link of the built site that leaves it, with
 * the pages (and Markdown files) that use it, for a person to review now and
 * then. Nothing is fetched: builds and CI stay offline and deterministic.
 *
 *   npm run check:external                      the build in _site/
 *   npm run check:external -- --site <dir>      another build (npm run build -- --output=<dir>)
 *   npm run check:external -- --json            one JSON document: [{ url, pages: [{ url, file, line }] }]
 *   npm run check:external -- --all             also the edit links to the site's own forge (left out by default)
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkPages } from "../plugins/checks/links.ts";
import { linkLocator } from "../plugins/checks/link-lines.ts";
import { chooseOriginal, frontMatterOf } from "../plugins/i18n/originals.ts";
import { filesUnder } from "../plugins/core/files.ts";
import { scanContent } from "../plugins/i18n/content-files.ts";
import { localizedUrl, withSlug } from "../plugins/i18n/paths.ts";
import { parseSource } from "../plugins/translations/status.ts";
import { fail, projectAt } from "./cli.ts";

/** Pages listed per link before "and N more". */
const PAGES_SHOWN = 3;

let args;
try {
  args = parseArgs({ options: { site: { type: "string", default: "_site" }, json: { type: "boolean", default: false }, all: { type: "boolean", default: false }, root: { type: "string" } } }).values;
} catch (error) {
  fail(`${(error as Error).message}\nUsage: npm run check:external -- [--site <dir>] [--json]`, 2);
}

const siteDir = path.resolve(args.site);
if (!existsSync(path.join(siteDir, "index.html"))) {
  fail(`${path.relative(process.cwd(), siteDir) || siteDir} holds no built site: run npm run build first (or give --site <dir>).`, 1);
}
const project = await projectAt(args.root, siteDir);
const { site } = project;

// Which Markdown file each URL comes from (untranslated copies: the original's).
const codes = site.languages.map((l) => l.code);
const sources = new Map<string, { file: string; markdown: string }>();
const settings = { languages: codes, defaultLanguage: site.defaultLanguage, timezone: site.timezone };
for (const [, byLang] of scanContent(project.input, codes).bundles) {
  const original = chooseOriginal(byLang, settings, frontMatterOf).file;
  for (const lang of codes) {
    const file = byLang.get(lang) ?? original;
    if (!file) continue;
    const markdown = readFileSync(file.absolute, "utf8");
    const slug = parseSource(markdown).data.slug;
    const url = localizedUrl(withSlug(file.urlPath, typeof slug === "string" ? slug : undefined), lang, site.defaultLanguage);
    sources.set(url, { file: path.relative(process.cwd(), file.absolute), markdown });
  }
}

const htmlFiles = filesUnder(siteDir).filter((file) => file.endsWith(".html"));
const pages = htmlFiles.map((file) => ({ url: `/${file.replace(/(^|\/)index\.html$/, "$1")}`, html: readFileSync(path.join(siteDir, file), "utf8") }));
const { external } = await checkPages(pages, { exists: () => true, ids: () => undefined }, { siteUrl: site.url });

// "Edit this page" links to the site's own repository: one per page, and they work or fail together.
const forge = `${site.forge.url.replace(/\/+$/, "")}/`;
const isForge = (url: string) => url.startsWith(forge);
const forgeLinks = new Set(external.filter((l) => isForge(l.url)).map((l) => l.url));
const byUrl = new Map<string, { url: string; file?: string; line?: number }[]>();
const lineIn = linkLocator();
for (const link of external) {
  if (!args.all && isForge(link.url)) continue;
  const list = byUrl.get(link.url) ?? [];
  if (list.some((p) => p.url === link.page)) continue;
  const source = sources.get(link.page);
  const line = source ? lineIn(source.markdown, link.url) : undefined;
  list.push({ url: link.page, ...(source && line ? { file: source.file, line } : {}) });
  byUrl.set(link.url, list);
}
const links = [...byUrl].map(([url, on]) => ({ url, pages: on })).sort((a, b) => a.url.localeCompare(b.url));

if (args.json) {
  process.stdout.write(`${JSON.stringify(links, null, 2)}\n`);
} else {
  const lines = [`${links.length} external links on ${pages.length} pages of ${path.relative(process.cwd(), siteDir) || siteDir} (not fetched):`, ""];
  for (const link of links) {
    lines.push(link.url);
    const inMarkdown = link.pages.filter((p) => p.file);
    const shown = (inMarkdown.length ? inMarkdown : link.pages).slice(0, PAGES_SHOWN);
    for (const p of shown) lines.push(`    ${p.url}${p.file ? `  ${p.file}:${p.line}` : ""}`);
    const rest = link.pages.length - shown.length;
    if (rest > 0) lines.push(`    and ${rest} more page${rest === 1 ? "" : "s"}${inMarkdown.length ? "" : " (from the layout)"}`);
  }
  if (!args.all && forgeLinks.size) lines.push("", `Not listed: ${forgeLinks.size} links into ${forge} (edit links; --all lists them).`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
