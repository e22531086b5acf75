import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import { bundleFileUrl, bundleOf, listBundleFiles } from "./bundle-files.ts";
import { linkedFileProblems } from "./index.ts";
import { createMarkdown } from "./create-markdown.ts";

let content: string;
let bundle: string;

before(() => {
  content = mkdtempSync(path.join(tmpdir(), "bundle-files-"));
  bundle = path.join(content, "blog/2025/bilan");
  mkdirSync(path.join(bundle, "sous-article"), { recursive: true });
  mkdirSync(path.join(content, "pages/statuts"), { recursive: true });
  const page = (file: string, body: string) => writeFileSync(file, `---\ntitle: x\n---\n\n${body}\n`);
  page(path.join(bundle, "index.fr.md"), "[Le bilan](bilan.pdf), [les chiffres](<chiffres 2025.ods>), ![Le film](film.mp4)\n\n![Une photo](photo-du-stand.jpg)\n\n[L’absent](absent.pdf) et [l’ailleurs](../autre/x.pdf)");
  page(path.join(bundle, "index.en.md"), "[The guide](guide.epub), [the report](bilan.pdf), ![Demo](sans-affiche.webm) [annex](sous-article/annexe.csv)");
  page(path.join(bundle, "sous-article/index.fr.md"), "Rien à télécharger.");
  page(path.join(content, "pages/statuts/index.fr.md"), "[Les statuts](statuts.odt)");
  writeFileSync(path.join(bundle, "bilan.pdf"), "%PDF-1.4");
  writeFileSync(path.join(bundle, "guide.epub"), "PK");
  writeFileSync(path.join(bundle, "chiffres 2025.ods"), "PK");
  writeFileSync(path.join(bundle, "bilan.11tydata.json"), "{}");
  writeFileSync(path.join(bundle, "sous-article/annexe.csv"), "a;b");
  writeFileSync(path.join(content, "pages/statuts/statuts.odt"), "PK");
  // 1 234 567 bytes without writing them: a sparse file.
  writeFileSync(path.join(bundle, "film.mp4"), "");
  truncateSync(path.join(bundle, "film.mp4"), 1_234_567);
  writeFileSync(path.join(bundle, "film.jpg"), "x");
  writeFileSync(path.join(bundle, "sans-affiche.webm"), "x");
  writeFileSync(path.join(bundle, "photo-du-stand.jpg"), "x");
  writeFileSync(path.join(bundle, "brouillon.odt"), "PK");
});
after(() => rmSync(content, { recursive: true, force: true }));

describe("bundle files", () => {
  it("are published once, beside the default language's page, when a page of the bundle links to them or plays them", () => {
    const outputs = listBundleFiles(content).map((f) => f.output).sort();
    assert.deepEqual(outputs, [
      "blog/2025/bilan/bilan.pdf",
      "blog/2025/bilan/chiffres 2025.ods",
      "blog/2025/bilan/film.jpg",
      "blog/2025/bilan/film.mp4",
      "blog/2025/bilan/guide.epub",
      "blog/2025/bilan/sans-affiche.webm",
      "blog/2025/bilan/sous-article/annexe.csv",
      "statuts/statuts.odt",
    ], "not the draft nothing links to, nor the photo the images plugin publishes");
  });

  it("are linked by a site-absolute URL from every language's page", () => {
    const en = bundleOf(path.join(bundle, "index.en.md"), content)!;
    assert.deepEqual(en, { dir: bundle, url: "/blog/2025/bilan/" });
    assert.equal(bundleFileUrl("bilan.pdf#page=2", en), "/blog/2025/bilan/bilan.pdf#page=2");
    assert.equal(bundleFileUrl("chiffres%202025.ods", en), "/blog/2025/bilan/chiffres%202025.ods");
    for (const href of ["../autre/", "#faq", "/soutenir/", "https://exemple.org/x.pdf", "mailto:a@b.example", "autre.md"]) {
      assert.equal(bundleFileUrl(href, en), undefined, href);
    }
    assert.equal(bundleOf(path.join(content, "pages/statuts/index.fr.md"), content)!.url, "/statuts/");
    assert.equal(bundleOf(path.join(content, "pages/association.fr.md"), content), undefined, "a single-file page has no bundle");
  });
});

describe("links, downloads and videos in a bundle's page", () => {
  const md = createMarkdown({ siteUrl: "https://www.chatons-loire.example", donateUrl: "/soutenir/" });
  const render = (source: string, lang: string) =>
    parse(md.render(source, { lang, bundle: bundleOf(path.join(bundle, `index.${lang}.md`), content) }), { blockTextElements: {} });

  it("point both languages to the one published copy; a missing file keeps its link for the link check", () => {
    for (const lang of ["fr", "en"]) {
      const links = render("[le bilan](bilan.pdf) et [l’absent](absent.pdf) et [la suite](../suite/)", lang).querySelectorAll("a");
      assert.deepEqual(links.map((a) => a.getAttribute("href")), ["/blog/2025/bilan/bilan.pdf", "absent.pdf", "../suite/"]);
    }
  });

  it("list downloads with each file's type and size in the page's language", () => {
    const source = "::: downloads Pour aller plus loin\n- [Le film](film.mp4)\n- [Le guide](guide.epub)\n:::";
    const fr = render(source, "fr");
    assert.equal(fr.querySelector(".downloads .downloads-title")!.text, "Pour aller plus loin");
    assert.deepEqual(fr.querySelectorAll(".downloads li").map((li) => li.text), ["Le film (MP4, 1,2\u00a0Mo)", "Le guide (EPUB, 2\u00a0octets)"]);
    assert.deepEqual(render(source, "en").querySelectorAll(".download-meta").map((s) => s.text), ["(MP4, 1.2 MB)", "(EPUB, 2 bytes)"]);
    assert.equal(fr.querySelector(".downloads a")!.getAttribute("href"), "/blog/2025/bilan/film.mp4");
  });

  it("turn a video written as an image into <video controls>, with the same-named picture as poster", () => {
    const video = render("![Les bénévoles réparent un serveur](film.mp4)", "en").querySelector("video")!;
    assert.equal(video.getAttribute("poster"), "/blog/2025/bilan/film.jpg");
    assert.equal(video.getAttribute("aria-label"), "Les bénévoles réparent un serveur");
    assert.ok(video.hasAttribute("controls"));
    assert.deepEqual([video.querySelector("source")!.getAttribute("src"), video.querySelector("source")!.getAttribute("type")], ["/blog/2025/bilan/film.mp4", "video/mp4"]);
    assert.equal(video.querySelector("a")!.getAttribute("href"), "/blog/2025/bilan/film.mp4", "browsers that cannot play it offer the file");
    const bare = render('![Une démonstration](sans-affiche.webm "La démonstration")', "fr");
    assert.equal(bare.querySelector("figure > video")!.getAttribute("poster"), undefined);
    assert.equal(bare.querySelector("figcaption")!.text, "La démonstration");
  });
});

describe("a file a page links to", () => {
  it("is named at its link when it would not open: empty, a Git LFS pointer, a PDF that is another file or cut off", () => {
    const site = mkdtempSync(path.join(tmpdir(), "linked-files-"));
    try {
      const dir = path.join(site, "blog/2025/ag");
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, "index.fr.md"),
        "---\ntitle: AG\n---\n\nLe [compte rendu](compte-rendu.pdf) et\nles [comptes](comptes.pdf).\n\n- [les statuts](statuts.odt)\n- [le bilan](bilan.pdf), [le budget](budget.pdf)\n\n![L’enregistrement](ag.mp3)\n\n[Le règlement](reglement.pdf) et [la charte](Charte.pdf)\n",
      );
      writeFileSync(path.join(dir, "compte-rendu.pdf"), "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213\n");
      writeFileSync(path.join(dir, "comptes.pdf"), "PK\x03\x04word/document.xml");
      writeFileSync(path.join(dir, "statuts.odt"), "");
      writeFileSync(path.join(dir, "bilan.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Cat");
      writeFileSync(path.join(dir, "budget.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
      writeFileSync(path.join(dir, "ag.mp3"), "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 9\n");
      writeFileSync(path.join(dir, "reglement.pdf"), "%PDF-1.7\n%%EOF\n");
      writeFileSync(path.join(dir, "charte.pdf"), "%PDF-1.7\n%%EOF\n");
      const published = listBundleFiles(site);
      // Charte.pdf is charte.pdf only to a Mac's disk: not published, and the link check names it.
      assert.deepEqual(published.map((f) => f.output).sort(), ["ag.mp3", "bilan.pdf", "budget.pdf", "compte-rendu.pdf", "comptes.pdf", "reglement.pdf", "statuts.odt"].map((f) => `blog/2025/ag/${f}`));
      const page = path.relative(process.cwd(), path.join(dir, "index.fr.md"));
      assert.deepEqual(
        linkedFileProblems(published).map((p) => `${p.file === page ? "" : p.file}:${p.line} · ${p.field} · ${p.message}`),
        [
          ":5 · compte-rendu.pdf · the file compte-rendu.pdf is a Git LFS pointer (a few lines of text standing for the document), not the document: run git lfs pull to fetch the documents (in CI, check the repository out with LFS)",
          ":6 · comptes.pdf · the file comptes.pdf is not a PDF (it is a ZIP archive, or a Word or LibreOffice document): export the document as PDF from your word processor and copy it into the folder",
          ":8 · statuts.odt · the file statuts.odt is empty (0 bytes): copy the document into the folder again",
          ":9 · bilan.pdf · the file bilan.pdf is cut off (its end is missing, as after an interrupted copy): copy the document into the folder again",
          ":11 · ag.mp3 · the file ag.mp3 is a Git LFS pointer (a few lines of text standing for the document), not the document: run git lfs pull to fetch the documents (in CI, check the repository out with LFS)",
        ],
      );
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
