/**
 * Builds a two-language bundle with Eleventy and checks what visitors get:
 * responsive <picture>s from one shared /img/ folder, encoded once, and kept
 * across builds; and what writers get when an image is wrong.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import sharp from "sharp";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { changeStore } from "../core/kept-results.ts";
import { ContentError } from "../core/problems.ts";
import type { ImagesReport } from "./options.ts";
import { buildSite, PHOTO, SVG, writeSite } from "./test-site.ts";

const TEST_SITE_SCRIPT = fileURLToPath(new URL("./test-site.ts", import.meta.url));
const roots: string[] = [];
let root: string;
let cold: ImagesReport;

const read = (file: string) => readFileSync(path.join(root, "_site", file), "utf8");
const page = (url: string) => parse(read(`${url}index.html`));
const listImages = () => readdirSync(path.join(root, "_site/img")).sort();

/** inode, mtime and size of every file in a folder: a file rewritten by an encoder would change. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => {
      const s = statSync(path.join(dir, name));
      return [name, `${s.ino}/${s.mtimeMs}/${s.size}`];
    }),
  );
}

async function newSite(pages: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "images-plugin-"));
  roots.push(dir);
  await writeSite(dir, pages);
  return dir;
}

/** Walks Eleventy's wrapping errors down to the ContentError the plugin threw. */
function contentErrorIn(error: unknown): ContentError | undefined {
  for (let e = error as { cause?: unknown; originalError?: unknown } | undefined; e; e = (e.originalError ?? e.cause) as typeof e) {
    if (e instanceof ContentError) return e;
  }
  return undefined;
}

before(async () => {
  root = await newSite();
  cold = await buildSite(root);
});
after(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

describe("images plugin (Eleventy build)", () => {
  it("turns a photo into a <picture> with AVIF and WebP sources and a JPEG fallback", () => {
    const picture = page("/blog/ag/").querySelector("figure > picture")!;
    const types = picture.querySelectorAll("source").map((s) => s.getAttribute("type"));
    assert.deepEqual(types, ["image/avif", "image/webp"]);
    const img = picture.querySelector("img")!;
    assert.match(img.getAttribute("src")!, /^\/img\/[\w-]+-480\.jpeg$/);
    assert.equal(img.getAttribute("alt"), "La salle du conseil, chaises en cercle");
    assert.equal(page("/blog/ag/").querySelector("figure > figcaption")!.text, "La salle, prête pour l’AG");
  });

  it("gives width, height, lazy loading, async decoding and sizes", () => {
    const img = page("/blog/ag/").querySelector("picture img")!;
    assert.deepEqual(
      ["width", "height", "loading", "decoding", "sizes"].map((a) => img.getAttribute(a)),
      [String(PHOTO.width), String(PHOTO.height), "lazy", "async", "(min-width: 50rem) 50rem, 100vw"],
    );
    for (const source of page("/blog/ag/").querySelectorAll("picture source")) assert.ok(source.getAttribute("sizes"));
  });

  it("encodes several widths, none wider than the original", () => {
    const srcset = page("/blog/ag/").querySelector('source[type="image/avif"]')!.getAttribute("srcset")!;
    const widths = srcset.split(", ").map((entry) => Number(entry.split(" ")[1]!.replace("w", "")));
    assert.deepEqual(widths, [480, PHOTO.width], "1600 and 960 are wider than the 700 px original");
  });

  it("serves both languages of a bundle from one shared /img/ folder, encoded once", () => {
    const srcsets = (url: string) => page(url).querySelectorAll("picture source, picture img").map((e) => e.getAttribute("srcset"));
    assert.deepEqual(srcsets("/en/blog/ag/"), srcsets("/blog/ag/"));
    assert.equal(page("/en/blog/ag/").querySelector("picture img")!.getAttribute("alt"), "The council room, chairs in a circle");
    // 2 widths × 3 formats of the photo + the SVG, nothing beside the pages.
    assert.equal(listImages().length, 7);
    assert.deepEqual(readdirSync(path.join(root, "_site/blog/ag")), ["index.html"]);
    assert.deepEqual(readdirSync(path.join(root, "_site/en/blog/ag")), ["index.html"]);
    assert.deepEqual(cold, { files: 7, encoded: 7, reused: 0 });
  });

  it("copies SVG as is, without raster versions", () => {
    const img = page("/blog/ag/").querySelector('img[src$=".svg"]')!;
    assert.equal(img.parentNode?.tagName, "P", "no <picture> around it");
    assert.deepEqual([img.getAttribute("width"), img.getAttribute("height")], ["120", "40"]);
    assert.equal(read(img.getAttribute("src")!), SVG);
    assert.equal(listImages().filter((name) => name.startsWith(path.basename(img.getAttribute("src")!, ".svg"))).length, 1);
  });

  it("a second build re-encodes nothing, even with the output folder wiped", () => {
    const cacheDir = path.join(root, ".cache/eleventy-img");
    const cacheBefore = snapshot(cacheDir);
    const html = read("blog/ag/index.html");
    assert.equal(Object.keys(cacheBefore).length, 7, "the cold build filled the cache");

    rmSync(path.join(root, "_site"), { recursive: true });
    // A fresh process: eleventy-img's in-memory cache must not be what saves the work.
    const run = spawnSync(process.execPath, ["--import", "tsx", TEST_SITE_SCRIPT, root], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { files: 7, encoded: 0, reused: 7 });

    assert.deepEqual(snapshot(cacheDir), cacheBefore, "no cached file was rewritten or added");
    const out = snapshot(path.join(root, "_site/img"));
    for (const [name, stat] of Object.entries(out)) {
      assert.equal(stat.split("/")[0], cacheBefore[name]!.split("/")[0], `${name} is the cached file itself, not a new encoding`);
    }
    assert.equal(read("blog/ag/index.html"), html);
  });

  it("handles a page with no file of its own, like the i18n plugin's untranslated copies", async () => {
    const site = await newSite();
    const source = readFileSync(path.join(site, "content/blog/ag/index.fr.md"), "utf8").replace("permalink: /blog/ag/", "permalink: /de/blog/ag/");
    await buildSite(site, (cfg) => cfg.addTemplate("blog/ag/index.de.md", source));
    const srcset = (url: string) => parse(readFileSync(path.join(site, "_site", url, "index.html"), "utf8")).querySelector("picture img")?.getAttribute("srcset");
    assert.ok(srcset("/de/blog/ag/"));
    assert.equal(srcset("/de/blog/ag/"), srcset("/blog/ag/"));
  });

  it("fails on an image without alt text, naming the Markdown file and the image", async () => {
    const site = await newSite({ "blog/ag/index.en.md": "---\nlang: en\npermalink: /en/blog/ag/\n---\n\nThe room:\n\n![](salle.jpg)\n" });
    const error = await buildSite(site).then(() => undefined, (e: unknown) => e);
    const problems = contentErrorIn(error)?.problems ?? [];
    assert.equal(problems.length, 1, String(error));
    assert.match(problems[0]!.file, /content\/blog\/ag\/index\.en\.md$/);
    assert.deepEqual([problems[0]!.line, problems[0]!.field], [8, "salle.jpg"]);
    assert.match(problems[0]!.message, /no alt text/);
  });

  it("fails on a missing image, naming the Markdown file and the image", async () => {
    const site = await newSite({ "blog/ag/index.fr.md": "---\nlang: fr\npermalink: /blog/ag/\n---\n\n![La salle](salle.jpeg)\n" });
    const error = await buildSite(site).then(() => undefined, (e: unknown) => e);
    const problem = contentErrorIn(error)?.problems[0];
    assert.match(problem?.file ?? String(error), /content\/blog\/ag\/index\.fr\.md$/);
    assert.equal(problem!.field, "salle.jpeg");
    assert.match(problem!.message, /does not exist/);
    assert.match(String((error as Error).message ?? ""), /index\.fr\.md/);
  });

  it("fails on a photo cut off by an interrupted copy, naming the Markdown file, the line and the image, and writes no page", async () => {
    const site = await newSite();
    const photo = path.join(site, "content/blog/ag/salle.jpg");
    writeFileSync(photo, readFileSync(photo).subarray(0, 3000));
    const error = await buildSite(site).then(() => undefined, (e: unknown) => e);
    const problems = contentErrorIn(error)?.problems ?? [];
    assert.equal(problems.length, 1, String(error));
    const [problem] = problems;
    // Both languages show the photo on line 9; whichever page is encoded first stops the build.
    assert.match(problem!.file, /^.*content\/blog\/ag\/index\.(fr|en)\.md$/);
    assert.deepEqual([problem!.line, problem!.field], [9, "salle.jpg"]);
    assert.match(
      problem!.message,
      /^the image "salle\.jpg" is damaged or cut off \(sharp: [^)]+\): copy the photo into the folder again, or export it again from your photo software$/,
    );
    assert.equal(existsSync(path.join(site, "_site", problem!.file.endsWith("index.fr.md") ? "blog/ag/index.html" : "en/blog/ag/index.html")), false);

    // Built again in a fresh process (eleventy-img remembers the failure in memory):
    // the empty files sharp left in _site/img/ must not pass for encoded ones.
    const again = spawnSync(process.execPath, ["--import", "tsx", TEST_SITE_SCRIPT, site], { encoding: "utf8" });
    assert.notEqual(again.status, 0, again.stdout);
    assert.match(again.stderr, /index\.(fr|en)\.md:9 · salle\.jpg · the image "salle\.jpg" is damaged or cut off/);
  });

  it("keeps any other failure of the image transform as it was", async () => {
    // An HTML page is not checked beforehand: its missing image fails in eleventy-img.
    const site = await newSite({ "extra.html": '---\npermalink: /extra/\n---\n<p><img src="absente.jpg" alt="Absente"></p>\n' });
    const error = await buildSite(site).then(() => undefined, (e: unknown) => e);
    assert.equal(contentErrorIn(error), undefined, String(error));
    const messages: string[] = [];
    for (let e = error as { message?: string; cause?: unknown; originalError?: unknown } | undefined; e; e = (e.originalError ?? e.cause) as typeof e) messages.push(e.message ?? "");
    assert.match(messages.join("\n"), /absente\.jpg/);
  });
});

describe("images plugin, a page's encoded HTML kept between builds (npm run build)", () => {
  let site: string;
  const keptDir = () => path.join(site, ".kept");
  const keptFile = () => path.join(keptDir(), "image-pages.json");
  const html = (url: string) => readFileSync(path.join(site, "_site", url, "index.html"), "utf8");
  /** The encoded files a page names (its <picture>'s, its SVG). */
  const namedFiles = (url: string) => [...new Set([...html(url).matchAll(/\/img\/([\w-]+\.\w+)/g)].map((m) => m[1]!))].sort();
  const MARK = "\n<!-- kept -->";
  /** Marks every page the last build kept: a page built from its kept HTML carries the mark. */
  const markKept = () => {
    changeStore<string>(keptFile(), (html) => html + MARK);
  };
  /** A build in a fresh process, as npm run build is (eleventy-img's in-memory cache would hide a missing file), keeping its results. */
  const build = (): ImagesReport => {
    const run = spawnSync(process.execPath, ["--import", "tsx", TEST_SITE_SCRIPT, site, keptDir()], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as ImagesReport;
  };

  before(async () => {
    site = await newSite();
    build();
  });

  it("a page as it was, with its photo as it was, is the HTML the last build made", () => {
    assert.ok(existsSync(keptFile()), "the first build kept its pages");
    const before = html("/blog/ag/");
    markKept();
    assert.deepEqual(build(), { files: 7, encoded: 0, reused: 7 });
    assert.equal(html("/blog/ag/"), before + MARK);
  });

  it("with the output folder wiped, its encoded files are back in it, none encoded again", () => {
    rmSync(path.join(site, "_site"), { recursive: true });
    markKept();
    assert.deepEqual(build(), { files: 7, encoded: 0, reused: 7 });
    assert.ok(html("/blog/ag/").endsWith(MARK));
    for (const file of namedFiles("/blog/ag/")) assert.ok(statSync(path.join(site, "_site/img", file)).size > 0, `${file} is in the output`);
  });

  it("with the encoded files gone from the output and the cache, the page is made again, its files encoded", () => {
    rmSync(path.join(site, "_site"), { recursive: true });
    rmSync(path.join(site, ".cache/eleventy-img"), { recursive: true });
    markKept();
    assert.deepEqual(build(), { files: 7, encoded: 7, reused: 0 });
    assert.ok(!html("/blog/ag/").includes(MARK));
    for (const file of namedFiles("/blog/ag/")) assert.ok(statSync(path.join(site, "_site/img", file)).size > 0, `${file} is in the output`);
  });

  it("a photo replaced under the same name shows the new photo's files, not the kept page", async () => {
    const before = namedFiles("/en/blog/ag/");
    markKept();
    const photo = path.join(site, "content/blog/ag/salle.jpg");
    const other = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#a33" } }).jpeg().toBuffer();
    writeFileSync(photo, other);
    build();
    for (const url of ["/blog/ag/", "/en/blog/ag/"]) assert.ok(!html(url).includes(MARK), url);
    const after = namedFiles("/en/blog/ag/");
    assert.equal(after.length, before.length);
    assert.deepEqual(after.filter((file) => before.includes(file)), [], "every file is the new photo's");
    assert.equal(parse(html("/en/blog/ag/")).querySelector("picture img")!.getAttribute("width"), "640");
  });
});
