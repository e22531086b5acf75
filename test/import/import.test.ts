/**
 * `npm run import` on the fixture feeds of an old bilingual site (RSS 2.0 in
 * French, Atom in English, for posts and events), served on 127.0.0.1: the
 * bundles it writes, the files it fetches, its report, a rerun that changes
 * nothing, a dry run that writes nothing, an offline run, and a build of the
 * result with the project's config.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "node-html-parser";
import { parseSource } from "../../plugins/translations/status.ts";
import { buildImported, FIXTURE, runImport, serveOldSite, siteRoot, snapshot, type OldSite, type Run } from "./helpers.ts";

const blogFeeds = (origin: string) => [`${origin}/rss.xml`, `${origin}/en/atom.xml`];
const eventFeeds = (origin: string) => [`${origin}/agenda/rss.xml`, `${origin}/en/agenda/atom.xml`, "--section", "events"];

function frontMatter(root: string, file: string): Record<string, unknown> {
  // The project's own front-matter reader: dates stay text, as the kit reads them.
  return parseSource(readFileSync(path.join(root, "content", file), "utf8")).data;
}

describe("importing the old site's feeds", () => {
  let old: OldSite;
  let root: string;
  let blog: Run;
  let events: Run;
  before(async () => {
    old = await serveOldSite();
    root = siteRoot();
    blog = await runImport([...blogFeeds(old.origin), "--root", root]);
    events = await runImport([...eventFeeds(old.origin), "--root", root]);
  });
  after(() => old.close());

  test("both runs succeed and report what they wrote", () => {
    assert.equal(blog.status, 0, blog.stderr);
    assert.equal(events.status, 0, events.stderr);
    assert.match(blog.stdout, /^Import of 4 pages: 4 written, 0 unchanged, 0 kept/);
    assert.match(events.stdout, /^Import of 4 pages: 4 written/);
  });

  test("translations share a bundle: by guid, and by the same path under /en/", () => {
    assert.match(blog.stdout, /content\/blog\/2024\/serveurs-hiver {2}fr \+ en {2}\(same guid\)/);
    assert.match(events.stdout, /content\/events\/2025\/install-party-mars {2}fr \+ en {2}\(same path under \/<lang>\/\)/);
    for (const file of ["blog/2024/serveurs-hiver/index.fr.md", "blog/2024/serveurs-hiver/index.en.md", "events/2025/install-party-mars/index.en.md"]) {
      assert.ok(existsSync(path.join(root, "content", file)), file);
    }
  });

  test("an 'unavailable in your language' entry is left untranslated, an English-only entry is an English original", () => {
    assert.ok(existsSync(path.join(root, "content/blog/2024/faq-adhesion/index.fr.md")));
    assert.ok(!existsSync(path.join(root, "content/blog/2024/faq-adhesion/index.en.md")));
    assert.match(blog.stdout, /Untranslated[^\n]*\(1\)\n {2}content\/blog\/2024\/faq-adhesion\/index\.en\.md \(not written\) {2}en/);
    assert.ok(existsSync(path.join(root, "content/blog/2024/self-hosting-notes/index.en.md")));
    assert.ok(!existsSync(path.join(root, "content/blog/2024/self-hosting-notes/index.fr.md")));
  });

  test("front matter: dates in Paris with their offset, authors without 'Unknown', tags, summary, credits", () => {
    const winter = frontMatter(root, "blog/2024/serveurs-hiver/index.fr.md");
    assert.equal(winter.date, "2024-01-16T09:30:00+01:00");
    assert.deepEqual(winter.authors, ["Camille Roux"]);
    assert.deepEqual(winter.tags, ["infrastructure", "sobriété"]);
    assert.equal(winter.summary, "Comment la salle des machines traverse les grands froids sans chauffage d’appoint.");
    assert.deepEqual(winter.credits, [{ work: "Illustration", author: "Lou Martin" }]);
    const faq = frontMatter(root, "blog/2024/faq-adhesion/index.fr.md");
    assert.equal(faq.date, "2024-08-31T10:45:00+02:00");
    assert.equal(faq.authors, undefined, "the 'Unknown' author is dropped");
    // 16:00Z in July is 18:00 in Paris.
    assert.equal(frontMatter(root, "blog/2024/self-hosting-notes/index.en.md").date, "2024-07-04T18:00:00+02:00");
    const en = frontMatter(root, "blog/2024/serveurs-hiver/index.en.md");
    assert.deepEqual(en.translators, ["Sam Lee"]);
    assert.equal(en.updated, "2024-01-20T17:05:00+01:00");
    assert.deepEqual(en.tags, ["infrastructure", "sobriété"], "a translation repeats its original's tags");
    assert.match(blog.stdout, /serveurs-hiver\/index\.en\.md: categories infrastructure replaced by the original's tags \(infrastructure, sobriété\)/);
  });

  test("old URLs that differ become aliases", () => {
    assert.deepEqual(frontMatter(root, "blog/2024/serveurs-hiver/index.en.md").aliases, ["/en/blog/2024/servers-winter/"]);
    assert.equal(frontMatter(root, "blog/2024/serveurs-hiver/index.fr.md").aliases, undefined, "same URL: no alias");
    assert.deepEqual(frontMatter(root, "events/2025/install-party-mars/index.fr.md").aliases, ["/agenda/2025/install-party-mars/"]);
    assert.match(blog.stdout, /\/en\/blog\/2024\/servers-winter\/ → \/en\/blog\/2024\/serveurs-hiver\//);
  });

  test("events: status from the title prefix, date and place from the h-event markup, the rest left as a draft to complete", () => {
    const fr = frontMatter(root, "events/2025/install-party-mars/index.fr.md");
    assert.equal(fr.title, "Install party de mars");
    assert.equal(fr.status, "cancelled");
    assert.equal(fr.start, "2025-03-15T14:00");
    assert.equal(fr.end, "2025-03-15T18:00");
    assert.deepEqual(fr.venue, { name: "Médiathèque des Ponts", address: "3 rue des Tanneurs", city: "Angers" });
    const en = frontMatter(root, "events/2025/install-party-mars/index.en.md");
    assert.equal(en.title, "March install party");
    assert.equal(en.status, "cancelled");
    assert.deepEqual(en.translators, ["Sam Lee"]);
    const online = frontMatter(root, "events/2025/permanence-ete/index.fr.md");
    assert.equal(online.start, "2025-07-09T18:30");
    assert.equal(online.online, "https://visio.chatons-loire.example/permanence");
    assert.equal(frontMatter(root, "events/2025/pique-nique/index.fr.md").draft, true);
    assert.match(events.stdout, /pique-nique\/index\.fr\.md {2}scheduled {2}DRAFT, complete by hand: start \(no dt-start or startDate in the text\); place/);
  });

  test("the text becomes the kit's Markdown: figure, table, code, footnote, FAQ, callout, donate, PeerTube, links", () => {
    const winter = readFileSync(path.join(root, "content/blog/2024/serveurs-hiver/index.fr.md"), "utf8");
    assert.match(winter, /^## La salle$/m, "h1 shifted to ##");
    assert.match(winter, /^!\[Deux baies de serveurs dans une pièce aux murs blancs\]\(salle\.png "La salle des machines en janvier"\)$/m);
    assert.match(winter, /^\| Jour \| Température \|$/m);
    assert.match(winter, /^```yaml\nsonde:\n {2}seuil: 28\n/m);
    assert.match(winter, /le froid\[\^1\]\.\n\n<!-- more -->\n/);
    assert.match(winter, /^\[\^1\]: Jusqu’à un certain point, évidemment\.$/m);
    assert.match(winter, /\[foire aux questions\]\(\.\.\/faq-adhesion\/\)/, "a link to another imported entry becomes relative");
    assert.match(winter, /\[guide d’hébergement\]\(guide\.pdf\)/);
    assert.doesNotMatch(winter, /Illustration : Lou Martin/);
    const faq = readFileSync(path.join(root, "content/blog/2024/faq-adhesion/index.fr.md"), "utf8");
    assert.match(faq, /^::: note Bon à savoir\nL’adhésion court/m);
    assert.match(faq, /^::: details Combien coûte l’adhésion\s\?\nLe montant est libre, à partir d’un euro\.\n:::$/m);
    assert.match(faq, /^::: donate Je soutiens\nL’association ne vit que de vos dons\.\n:::$/m);
    assert.match(faq, /^::: peertube https:\/\/video\.chatons-loire\.example\/w\/7fa1c2d4-5b6e-4f80-9a1b-2c3d4e5f6a7b "Présentation de l’association"$/m);
    assert.match(faq, /\[l’hiver de nos serveurs\]\(\.\.\/serveurs-hiver\/\)/, "the leaked @/blog/…md link is mapped");
    assert.match(faq, /!\[Image à décrire\]\(guichet\.png\)/);
    assert.equal(faq, faq.normalize("NFC"));
  });

  test("entries the import cannot read faithfully are skipped, with why", () => {
    assert.match(blog.stdout, /Skipped \(1\)\n {2}http:\/\/127\.0\.0\.1:\d+\/en\/blog\/2024\/xhtml-page\/: its Atom content is type="xhtml", which this import does not read/);
  });

  test("every construct not converted faithfully is reported with its page", () => {
    assert.match(blog.stdout, /faq-adhesion\/index\.fr\.md: link to http:\/\/127\.0\.0\.1:\d+\/a-propos\/, a page of the old site that was not imported: it still leads to the old site/);
    assert.match(blog.stdout, /faq-adhesion\/index\.fr\.md: link to the old site's source file \/_index\.en\.md#contact \("nos coordonnées"\) removed/);
    assert.match(blog.stdout, /faq-adhesion\/index\.fr\.md: image guichet\.png had no alt text: replace "Image à décrire" with what it shows/);
  });

  test("images and attachments are fetched into their bundles, and recorded in the file map", () => {
    assert.deepEqual(readFileSync(path.join(root, "content/blog/2024/serveurs-hiver/salle.png")), readFileSync(path.join(FIXTURE, "old-site/images/salle.png")));
    assert.ok(existsSync(path.join(root, "content/blog/2024/serveurs-hiver/guide.pdf")));
    assert.ok(existsSync(path.join(root, "content/blog/2024/faq-adhesion/guichet.png")));
    assert.match(blog.stdout, /Files fetched \(3\)/);
    const map = JSON.parse(readFileSync(path.join(root, "import-files.json"), "utf8")) as Record<string, { file: string }>;
    assert.equal(map[`${old.origin}/images/salle.png`]?.file, "content/blog/2024/serveurs-hiver/salle.png");
  });

  test("a second run changes nothing and fetches nothing", async () => {
    const before = snapshot(root);
    const requests = old.requests.length;
    const again = await runImport([...blogFeeds(old.origin), "--root", root]);
    const againEvents = await runImport([...eventFeeds(old.origin), "--root", root]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^Import of 4 pages: 0 written, 4 unchanged, 0 kept/);
    assert.match(againEvents.stdout, /^Import of 4 pages: 0 written, 4 unchanged/);
    assert.match(again.stdout, /Files fetched \(0\)/);
    assert.deepEqual(snapshot(root), before);
    assert.deepEqual(old.requests.slice(requests).filter((p) => !p.endsWith(".xml")), [], "only the feeds are read again");
  });

  test("a page edited since is kept, unless --overwrite", async () => {
    const file = path.join(root, "content/blog/2024/faq-adhesion/index.fr.md");
    const imported = readFileSync(file, "utf8");
    writeFileSync(file, imported.replace("Image à décrire", "Le guichet d’accueil, un jour de permanence"));
    const kept = await runImport([...blogFeeds(old.origin), "--root", root]);
    assert.match(kept.stdout, /^Import of 4 pages: 0 written, 3 unchanged, 1 kept/);
    assert.match(kept.stdout, /kept {4} {2}content\/blog\/2024\/faq-adhesion\/index\.fr\.md/);
    assert.match(kept.stdout, /rerun with --overwrite to replace them/);
    assert.match(readFileSync(file, "utf8"), /Le guichet d’accueil/);
    const replaced = await runImport([...blogFeeds(old.origin), "--root", root, "--overwrite"]);
    assert.match(replaced.stdout, /replaced {2}content\/blog\/2024\/faq-adhesion\/index\.fr\.md/);
    assert.equal(readFileSync(file, "utf8"), imported);
  });

  test("the imported site builds with the project's config, aliases and untranslated copies included", async () => {
    const output = await buildImported(root);
    const read = (file: string) => readFileSync(path.join(output, file), "utf8");
    const winter = parse(read("blog/2024/serveurs-hiver/index.html"));
    assert.equal(winter.querySelector("figure figcaption")?.text.trim(), "La salle des machines en janvier");
    assert.ok(winter.querySelector("table th"), "the table has its header row");
    assert.ok(winter.querySelector("section.footnotes li"), "the footnote is listed");
    assert.match(winter.querySelector(".page-credits")?.text ?? "", /Lou Martin/, "the illustration credit is shown");
    assert.equal(winter.querySelector('a[href="../faq-adhesion/"]')?.text, "foire aux questions");
    const faq = parse(read("blog/2024/faq-adhesion/index.html"));
    assert.equal(faq.querySelectorAll("details.details").length, 2, "one question per FAQ entry");
    assert.equal(faq.querySelector("a.donate-button")?.getAttribute("href"), "/soutenir/");
    assert.ok(faq.querySelector(".peertube a.peertube-link"), "the PeerTube card");
    assert.ok(faq.querySelector("aside.callout-note"), "the callout");
    assert.match(read("en/blog/2024/servers-winter/index.html"), /\/en\/blog\/2024\/serveurs-hiver\//, "the old English URL redirects");
    assert.ok(existsSync(path.join(output, "en/blog/2024/faq-adhesion/index.html")), "the untranslated English copy");
    assert.ok(existsSync(path.join(output, "en/blog/2024/self-hosting-notes/index.html")));
    assert.match(read("events/2025/install-party-mars/index.html"), /Install party de mars/);
    assert.ok(!existsSync(path.join(output, "events/2025/pique-nique/index.html")), "the incomplete event stays a draft");
  });
});

describe("a dry run, and an import with the old site offline", () => {
  test("--dry-run writes and fetches nothing and prints the plan", async () => {
    const old = await serveOldSite();
    try {
      const root = siteRoot();
      const before = snapshot(root);
      const run = await runImport([...blogFeeds(old.origin), "--root", root, "--dry-run"]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Import of 4 pages: 4 to write, 0 unchanged, 0 kept — dry run, nothing written/);
      assert.match(run.stdout, /Files to fetch \(3\)\n {2}content\/blog\/2024\/faq-adhesion\/guichet\.png {2}← /);
      assert.deepEqual(snapshot(root), before);
      assert.deepEqual(old.requests.filter((p) => !p.endsWith(".xml")), []);
    } finally {
      await old.close();
    }
  });

  test("offline, the import completes, keeps local names and lists every file to fetch", async () => {
    // The feeds are read from disk; their links name a host that is not served: nothing can be fetched.
    const old = await serveOldSite();
    const origin = old.origin;
    await old.close();
    const root = siteRoot();
    const dir = path.join(FIXTURE, "old-site");
    const feeds = mkdtempSync(path.join(tmpdir(), "import-feeds-"));
    for (const [name, file] of [["fr.xml", "rss.xml"], ["en.xml", "en/atom.xml"]] as const) {
      writeFileSync(path.join(feeds, name), readFileSync(path.join(dir, file), "utf8").replaceAll("https://ancien.chatons-loire.example", origin));
    }
    const run = await runImport([path.join(feeds, "fr.xml"), path.join(feeds, "en.xml"), "--root", root]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Files missing[^\n]*\(3\)\n {2}content\/blog\/2024\/faq-adhesion\/guichet\.png {2}← http:\/\/127\.0\.0\.1:\d+\/blog\/2024\/faq-adhesion\/guichet\.png {2}\(unreachable \(ECONNREFUSED\)\)/);
    assert.match(readFileSync(path.join(root, "content/blog/2024/serveurs-hiver/index.fr.md"), "utf8"), /\]\(salle\.png "La salle des machines en janvier"\)/);
    const map = JSON.parse(readFileSync(path.join(root, "import-files.json"), "utf8")) as Record<string, { missing?: string }>;
    assert.equal(map[`${origin}/images/salle.png`]?.missing, "unreachable (ECONNREFUSED)");
    // The build names each page and line that needs a file still to fetch.
    await assert.rejects(buildImported(root), (error: Error) => {
      assert.match(error.message, /serveurs-hiver\/index\.fr\.md:\d+ · [^\n]*salle\.png[^\n]*does not exist/);
      assert.match(error.message, /faq-adhesion\/index\.fr\.md:\d+ · [^\n]*guichet\.png[^\n]*does not exist/);
      return true;
    });
  });
});

describe("wrong arguments", () => {
  test("a mapping file line that is not two URLs, an unknown language, a missing feed: one message each, nothing written", async () => {
    const root = siteRoot();
    const pairs = path.join(mkdtempSync(path.join(tmpdir(), "import-pairs-")), "pairs.txt");
    writeFileSync(pairs, "# fr en\nhttps://o.example/a/ https://o.example/en/a/\nhttps://o.example/b/\n");
    const feed = path.join(FIXTURE, "old-site/rss.xml");
    const badPairs = await runImport([feed, "--pairs", pairs, "--root", root]);
    assert.equal(badPairs.status, 2);
    assert.equal(badPairs.stderr, `${pairs}:3: expected two old URLs (one per language) separated by a space, found "https://o.example/b/"\n`);
    const badLang = await runImport([feed, "--lang", "de", "--root", root]);
    assert.equal(badLang.status, 2);
    assert.match(badLang.stderr, /^--lang de: expected one of the site's languages \(fr, en\)/);
    const missing = await runImport(["nowhere.xml", "--root", root]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^nowhere\.xml: cannot read the feed \(no such file\)\n$/);
    assert.ok(!existsSync(path.join(root, "content/blog/2024")));
  });
});
