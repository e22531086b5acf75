/**
 * `npm run build` keeps what the check of each Markdown text found
 * (plugins/core/kept-results.ts): a text that did not change is not parsed
 * again. What the writer sees must not change: the same mistake stops every
 * build, at the line where it is now, until it is fixed. It keeps a record of
 * the files it wrote too (scripts/deploy/written-files.ts): a page that comes
 * out the same is left as it is, and a file changed by hand since is written again.
 * And it keeps each Markdown text's HTML (plugins/markdown/index.ts): a rebuild
 * renders only the texts that changed, or whose listed files did; and what its
 * search index was made from (plugins/search/last-index.ts).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { gunzipSync } from "node:zlib";
import { changeStore, readStore } from "../../plugins/core/kept-results.ts";
import { FEED_AS_TEXT } from "../../plugins/feeds/render.ts";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";
import { compiledCacheDir, contentCacheDir } from "../../scripts/compiled.mjs";

/** Where scripts/compiled.mjs keeps what it keeps for this content folder. */
const keptFolder = (content: string) => contentCacheDir(compiledCacheDir(PROJECT_ROOT), content);

/**
 * A copy of the starter to build, in a folder of its own; the folder and what
 * the builds keep for it are removed after the test.
 */
function workCopy(t: TestContext, name: string) {
  const work = contentWorkFolder(name);
  const content = copyStarter(work);
  const kept = keptFolder(content);
  t.after(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(kept, { recursive: true, force: true });
    rmSync(`${kept}.json`, { force: true });
  });
  return { content, output: path.join(work, "_site"), kept };
}

const build = (content: string, output: string) =>
  spawnSync(process.execPath, ["scripts/compiled.mjs", `--input=${content}`, `--output=${output}`, "--quiet"], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 180_000 });

test("Markdown mistakes stop every npm run build at their current lines, kept checks or not, until they are fixed", (t) => {
  const { content, output, kept } = workCopy(t, "kept-results");
  const post = path.join(content, "blog/2025/nouveau-serveur/index.fr.md");
  const rel = path.relative(PROJECT_ROOT, post);
  const original = readFileSync(post, "utf8");
  // A heading too many, an image without its description, a link to an empty PDF.
  const mistakes = "\n# Un titre en trop\n\n![](salle.jpg)\n\n[Le devis](devis.pdf)\n";
  writeFileSync(path.join(path.dirname(post), "devis.pdf"), "");
  writeFileSync(post, `${original}${mistakes}`);
  const line = original.split("\n").length + 1;
  const at = (n: number, rest: string) => new RegExp(`^\\s*${rel.replace(/[.]/g, "\\.")}:${n} · ${rest}`, "m");
  const messages = (first: number) => [
    at(first, "# · a level-1 heading \\(#\\) in the text"),
    at(first + 2, 'salle\\.jpg · the image "salle\\.jpg" has no alt text'),
    at(first + 4, "devis\\.pdf · the file devis\\.pdf is empty"),
  ];

  const first = build(content, output);
  assert.equal(first.status, 1, first.stderr);
  for (const message of messages(line)) assert.match(first.stderr, message);
  for (const name of ["markdown-check", "images-written", "bundle-links"]) {
    assert.ok(existsSync(path.join(kept, `${name}.json`)), `the ${name} results are kept, though the build stopped`);
  }

  // The text is the same: its problems come from the kept results, at the lines they are on now.
  writeFileSync(post, original.replace("---\n", "---\n# un commentaire YAML de plus\n") + mistakes);
  const second = build(content, output);
  assert.equal(second.status, 1, second.stderr);
  for (const message of messages(line + 1)) assert.match(second.stderr, message);
  assert.doesNotMatch(second.stderr, /^\s+at /m, "no stack trace");

  writeFileSync(post, original);
  rmSync(path.join(path.dirname(post), "devis.pdf"));
  const fixed = build(content, output);
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.ok(existsSync(path.join(output, "blog/2025/nouveau-serveur/index.html")));
});

test("a rebuild leaves the pages that come out the same as they are, and writes again a page changed by hand since", (t) => {
  const { content, output, kept } = workCopy(t, "written-files");
  const page = (file: string) => path.join(output, file);
  const first = build(content, output);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(readdirSync(kept).filter((f) => f.startsWith("written-")).length, 1, "the record of the files written is kept");
  const UNCHANGED = "blog/2025/nouveau-serveur/index.html";
  const EDITED = "blog/2025/assemblee-generale/index.html";
  const before = statSync(page(UNCHANGED));
  const good = readFileSync(page(EDITED), "utf8");
  // Edited by hand after the build, to the same length: only its modification time tells.
  const edited = good.replace("<main", "<mein");
  assert.equal(edited.length, good.length);
  writeFileSync(page(EDITED), edited);

  const second = build(content, output);
  assert.equal(second.status, 0, second.stderr);
  assert.equal(readFileSync(page(EDITED), "utf8"), good, "the page changed by hand is written again");
  const after = statSync(page(UNCHANGED));
  assert.equal(after.ino, before.ino);
  assert.equal(after.mtimeMs, before.mtimeMs, "the page that came out the same was not written again");
  assert.equal(after.ctimeMs, before.ctimeMs, "nor touched: the record tells the sweep it is this build's");

  // A post deleted: its page goes, the pages left as they were stay.
  const DELETED = "blog/2024/video-sobriete-numerique/index.html";
  assert.ok(existsSync(page(DELETED)));
  rmSync(path.join(content, "blog/2024/video-sobriete-numerique"), { recursive: true });
  const third = build(content, output);
  assert.equal(third.status, 0, third.stderr);
  assert.ok(!existsSync(page(DELETED)), "the deleted post's page is swept");
  assert.ok(existsSync(page(UNCHANGED)), "the page left as it was stays");
  assert.equal(statSync(page(UNCHANGED)).ctimeMs, before.ctimeMs);
});

test("a rebuild serves the kept HTML of the texts that did not change, and renders the edited one", (t) => {
  const { content, output, kept } = workCopy(t, "kept-html");
  const html = (file: string) => readFileSync(path.join(output, file), "utf8");
  const file = path.join(kept, "markdown-html.json");
  // A page listing a file of its folder, with its size.
  const listing = path.join(content, "blog/2025/choisir-sa-messagerie/index.fr.md");
  const pdf = path.join(content, "blog/2025/choisir-sa-messagerie/support.pdf");
  const reports = path.join(content, "reports/2024-2025");
  writeFileSync(listing, `${readFileSync(listing, "utf8")}\n::: downloads\n- [Le support de l’atelier](support.pdf)\n:::\n`);
  copyFileSync(path.join(reports, "assemblee-generale/proces-verbal-ag-2025-11-15.pdf"), pdf);
  const first = build(content, output);
  assert.equal(first.status, 0, first.stderr);
  // Each kept render marked, to tell the next build's use of it from a render of its own.
  // (A render is kept as its sizes' line, then its HTML: plugins/markdown/prerender.ts.)
  const count = changeStore<string>(file, (render) => `${render}<p>Rendu gardé.</p>`);
  assert.ok(count > 20, `the starter's pages are kept (${count})`);
  // So is each front matter's data.
  changeStore<{ title?: string }>(path.join(kept, "front-matter.json"), (data) => (data.title ? { ...data, title: `${data.title} (gardé)` } : data));
  const retitled = path.join(content, "blog/2025/install-party-printemps/index.fr.md");
  writeFileSync(retitled, readFileSync(retitled, "utf8").replace("onze ordinateurs libérés", "onze ordinateurs rendus libres"));

  assert.match(html("blog/2025/choisir-sa-messagerie/index.html"), /\(PDF, 4\sKo\)/, "the file listed with its size");

  const post = path.join(content, "blog/2025/nouveau-serveur/index.fr.md");
  writeFileSync(post, `${readFileSync(post, "utf8")}\nUne phrase ajoutée après coup.\n`);
  // The listed file replaced by a larger one (a comment of 20,000 bytes before a second end): its text is the same, its page is not.
  writeFileSync(pdf, Buffer.concat([readFileSync(pdf), Buffer.from(`\n%${"x".repeat(20_000)}\n%%EOF\n`)]));
  const second = build(content, output);
  assert.equal(second.status, 0, second.stderr);

  const edited = html("blog/2025/nouveau-serveur/index.html");
  assert.match(edited, /<p>Une phrase ajoutée après coup\.<\/p>/, "the edited text is shown");
  assert.doesNotMatch(edited, /Rendu gardé/, "the edited text is rendered again");
  const unchanged = html("blog/2025/assemblee-generale/index.html");
  assert.match(unchanged, /Rendu gardé/, "an unchanged text is not rendered again");
  assert.match(unchanged, /<h1>Compte rendu de l’assemblée générale 2025 \(gardé\)<\/h1>/, "nor its front matter parsed again");
  assert.match(html("blog/2025/install-party-printemps/index.html"), /<h1>Install party de printemps : onze ordinateurs rendus libres<\/h1>/, "an edited front matter is read again");
  const listed = html("blog/2025/choisir-sa-messagerie/index.html");
  assert.match(listed, /\(PDF, 24\sKo\)/, "a file listed with its size: rendered again when the size changed");
  assert.doesNotMatch(listed, /Rendu gardé/, "not the kept render");
  // A link to a Markdown file reads the pages' URLs: such a page is rendered by every build.
  const linking = html("blog/2026/campagne-de-dons-merci/index.html");
  assert.doesNotMatch(linking, /Rendu gardé/, "a page linking to a Markdown file is rendered again");
  assert.match(linking, /href="\/blog\/2025\/campagne-de-dons\/"/, "its link leads to the page");
  assert.equal(readStore(file).entries.size, count, "the edited text's old HTML is dropped, not kept beside the new");
});

test("a rebuild takes each feed's files from the last build when nothing it shows changed, and makes again the feeds an edited post is in", (t) => {
  const { content, output, kept } = workCopy(t, "kept-feeds");
  const feed = (file: string) => readFileSync(path.join(output, file), "utf8");
  const file = path.join(kept, "feed-files.json");
  const MARK = "<!-- gardé -->";
  const first = build(content, output);
  assert.equal(first.status, 0, first.stderr);
  // Each kept feed's RSS file marked, to tell the next build's use of it from a feed made again.
  const marked = changeStore<string>(file, (text) => {
    const kept = FEED_AS_TEXT.read(text);
    return FEED_AS_TEXT.write({ ...kept, rss: kept.rss + MARK });
  });
  assert.ok(marked > 10, "the starter's feeds are kept");

  const post = path.join(content, "blog/2025/nouveau-serveur/index.fr.md");
  writeFileSync(post, `${readFileSync(post, "utf8")}\nUne phrase ajoutée après coup.\n`);
  const second = build(content, output);
  assert.equal(second.status, 0, second.stderr);

  // The post is in the French feed, in the English one (untranslated) and in its tags' feeds.
  for (const made of ["feed.xml", "en/feed.xml", "blog/tags/messagerie/feed.xml"]) {
    const xml = feed(made);
    assert.ok(!xml.endsWith(MARK), `${made} is made again`);
    assert.match(xml, /Une phrase ajoutée après coup\./, `${made} shows the edit`);
  }
  // Not in these: kept. (The events' feeds are dated by the files' commits, which a copy
  // outside Git has not: by the build's time, so made again.)
  for (const same of ["blog/tags/install-party/feed.xml", "en/blog/tags/install-party/feed.xml"]) assert.ok(feed(same).endsWith(MARK), `${same} is taken from the last build`);
});

test("a rebuild's link check takes the links of the pages that came out the same from the last build, and reads the pages that changed again", (t) => {
  const { content, output, kept } = workCopy(t, "kept-scans");
  const file = path.join(kept, "link-scans.json");
  /** Each HTML page of the output, with a digest of its bytes. */
  const pages = () =>
    new Map(
      readdirSync(output, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".html"))
        .map((f) => [f, createHash("sha1").update(readFileSync(path.join(output, f))).digest("hex")]),
    );
  const first = build(content, output);
  assert.equal(first.status, 0, first.stderr);
  const before = pages();
  // Each kept page's links given one more, to a page that does not exist.
  const scans = changeStore<string>(file, (scan) => {
    const [refs, ids] = JSON.parse(scan) as [[string, string, number][], string[]];
    return JSON.stringify([[...refs, ["/page-gardee/", "a href", 0]], ids]);
  });
  assert.equal(scans, new Set(before.values()).size, "every page's links are kept");

  const post = path.join(content, "blog/2025/nouveau-serveur/index.fr.md");
  writeFileSync(post, `${readFileSync(post, "utf8")}\nUne phrase ajoutée après coup.\n`);
  const second = build(content, output);
  const after = pages();
  const changed = [...after].filter(([f, digest]) => before.get(f) !== digest).map(([f]) => f);
  assert.ok(changed.includes("blog/2025/nouveau-serveur/index.html"), "the post comes out changed");
  // The kept link is reported on every page that came out the same, and on those alone.
  assert.equal(second.status, 1, "the kept links are checked");
  const shown = /leads nowhere: the build wrote nothing at \/page-gardee\/ \(a href made by the layout, not the Markdown, on ([^)]*?)(?: and (\d+) more pages)?\)/.exec(second.stderr);
  assert.ok(shown, second.stderr);
  const count = shown[1]!.split(", ").length + Number(shown[2] ?? 0);
  assert.equal(count, after.size - changed.length, `${changed.length} pages changed: ${changed.join(", ")}`);
  assert.doesNotMatch(shown[1]!, /nouveau-serveur/);
});

test("a rebuild with nothing changed leaves the search index as it was, and a rebuild of an edited post finds its new sentence", (t) => {
  const { content, output } = workCopy(t, "kept-search");
  const bundle = path.join(output, "pagefind");
  /** Each file of the search index, with its modification time. */
  const stamps = () => new Map(readdirSync(bundle, { recursive: true, encoding: "utf8" }).map((f) => [f, statSync(path.join(bundle, f)).mtimeMs]));
  /** The text of every page in the index. */
  const texts = () =>
    readdirSync(path.join(bundle, "fragment")).map((f) => gunzipSync(readFileSync(path.join(bundle, "fragment", f))).toString("utf8", "pagefind_dcd".length));
  const first = build(content, output);
  assert.equal(first.status, 0, first.stderr);
  const before = stamps();
  assert.ok(texts().length > 20, "the starter's pages are indexed");

  const same = build(content, output);
  assert.equal(same.status, 0, same.stderr);
  assert.deepEqual(stamps(), before, "no file of the index was written again");

  const post = path.join(content, "blog/2025/nouveau-serveur/index.fr.md");
  writeFileSync(post, `${readFileSync(post, "utf8")}\nUne phrase ajoutée après coup, introuvable ailleurs.\n`);
  const edited = build(content, output);
  assert.equal(edited.status, 0, edited.stderr);
  assert.equal(texts().filter((text) => text.includes("Une phrase ajoutée après coup, introuvable ailleurs.")).length, 1, "the new sentence is found, once");
  assert.ok(texts().length > 20, "the other pages are still indexed");
});

test("a rebuild takes each unchanged page's check from the last build, and checks it again when a data file it names changed", (t) => {
  const { content, output, kept } = workCopy(t, "kept-validation");
  const answers = path.join(kept, "validation.json");
  const first = build(content, output);
  assert.equal(first.status, 0, first.stderr);
  const checked = statSync(answers).mtimeMs;
  const pages = Object.keys((JSON.parse(readFileSync(answers, "utf8")) as { files: object }).files);
  assert.ok(pages.some((file) => file.endsWith(path.join("status", "2026-12-10-disques-serveur", "index.fr.md"))), "the notice's answer is kept");

  const same = build(content, output);
  assert.equal(same.status, 0, same.stderr);
  assert.equal(statSync(answers).mtimeMs, checked, "every answer came from the last build: none kept again");

  // The notice names the polls by their id in data/services.yaml: renamed there, the unchanged notice is wrong.
  const services = path.join(content, "..", "data", "services.yaml");
  writeFileSync(services, readFileSync(services, "utf8").replace("- id: sondages", "- id: framadate"));
  const renamed = build(content, output);
  assert.equal(renamed.status, 1, renamed.stderr);
  assert.match(renamed.stderr, /content\/status\/2026-12-10-disques-serveur\/index\.fr\.md:\d+ · services\.2 · expected the id of a service in data\/services\.yaml, found "sondages"/);
});
