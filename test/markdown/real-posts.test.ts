/**
 * A real association's post, as a writer ports it: a PDF and an EPUB in the
 * bundle, a video, a linked figure, an aligned table, a FAQ, heading ids, an
 * external donation form and French punctuation (fixture markdown-real); and
 * the mistakes real posts carry, each stopping the build with its file and
 * line (fixture markdown-errors).
 */
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { parse, type HTMLElement } from "node-html-parser";
import { buildFailure, buildSite, fixtureDir, type BuiltSite } from "../helpers/build.ts";

const POST = "blog/2025/bilan-hebergement/";
const BUNDLE = path.join(fixtureDir("markdown-real"), "content", POST);
const SITE_URL = "https://www.chatons-loire.example";
const page = (site: BuiltSite, file: string): HTMLElement => parse(site.read(file), { blockTextElements: {} });
/** Spaces made visible: "_" narrow no-break, "~" no-break. */
const show = (text: string) => text.replace(/\u202F/g, "_").replace(/\u00A0/g, "~");

describe("a real post with files, video, figure, table, FAQ and donation form", () => {
  let site: BuiltSite;
  let fr: HTMLElement;
  let en: HTMLElement;

  before(async () => {
    site = await buildSite({ fixture: "markdown-real", now: "2026-04-01T12:00" });
    fr = page(site, `${POST}index.html`).querySelector("main .prose")!;
    en = page(site, `en/${POST}index.html`).querySelector("main .prose")!;
  });

  test("publishes the bundle's files once, and both languages link to that copy (the link check passed)", () => {
    for (const name of ["bilan-hebergement-2025.pdf", "guide-auto-hebergement.epub", "demo-nextcloud.webm", "demo-nextcloud.jpg"]) {
      assert.ok(site.exists(`${POST}${name}`), name);
      assert.ok(!site.exists(`en/${POST}${name}`), `${name} is not copied again for English`);
    }
    assert.deepEqual(readFileSync(path.join(site.output, POST, "bilan-hebergement-2025.pdf")), readFileSync(path.join(BUNDLE, "bilan-hebergement-2025.pdf")));
    for (const prose of [fr, en]) {
      assert.equal(prose.querySelector("p a")!.getAttribute("href"), `/${POST}bilan-hebergement-2025.pdf`);
    }
  });

  test("lists the downloads with type and size in the page's language", () => {
    const kb = (name: string) => Math.round(statSync(path.join(BUNDLE, name)).size / 1000);
    assert.deepEqual(fr.querySelectorAll(".downloads li").map((li) => show(li.text)), [
      `Le bilan de l’hébergement 2025 (PDF, ${kb("bilan-hebergement-2025.pdf")}~Ko)`,
      `Petit guide de l’auto-hébergement (EPUB, ${kb("guide-auto-hebergement.epub")}~Ko)`,
    ]);
    assert.deepEqual(en.querySelectorAll(".download-meta").map((s) => s.text), [
      `(PDF, ${kb("bilan-hebergement-2025.pdf")} kB)`,
      `(EPUB, ${kb("guide-auto-hebergement.epub")} kB)`,
    ]);
  });

  test("shows the bundle's video with controls and its poster, captioned", () => {
    const figure = en.querySelector("figure:has(video)") ?? en.querySelectorAll("figure").find((f) => f.querySelector("video"))!;
    const video = figure.querySelector("video")!;
    assert.ok(video.hasAttribute("controls"));
    assert.equal(video.getAttribute("poster"), `/${POST}demo-nextcloud.jpg`);
    assert.equal(video.querySelector("source")!.getAttribute("src"), `/${POST}demo-nextcloud.webm`);
    assert.equal(figure.querySelector("figcaption")!.text, "Sharing a folder in three clicks");
  });

  test("plays the bundle's recording in the browser's own audio player, captioned, published once", () => {
    for (const [prose, caption] of [
      [fr, "Notre passage à la radio associative, le 12~mars"],
      [en, "Our slot on the community radio, 12 March"],
    ] as const) {
      const figure = prose.querySelectorAll("figure").find((f) => f.querySelector("audio"))!;
      const audio = figure.querySelector("audio")!;
      assert.ok(audio.hasAttribute("controls"));
      assert.equal(audio.getAttribute("preload"), "none", "nothing is downloaded before the reader presses play");
      assert.equal(audio.querySelector("source")!.getAttribute("src"), `/${POST}extrait-emission.wav`);
      assert.equal(audio.querySelector("source")!.getAttribute("type"), "audio/wav");
      assert.equal(show(figure.querySelector("figcaption")!.text), caption);
    }
    assert.ok(site.exists(`${POST}extrait-emission.wav`) && !site.exists(`en/${POST}extrait-emission.wav`));
  });

  test("shows a gallery's photos side by side, each whole with its caption, sized for the grid", () => {
    for (const [prose, title, captions] of [
      [fr, "L’année en deux images", ["L’affiche de l’install party", undefined]],
      [en, "The year in two pictures", ["The install party’s poster", undefined]],
    ] as const) {
      const gallery = prose.querySelector("figure.gallery")!;
      assert.equal(gallery.querySelector(":scope > figcaption")!.text, title);
      const items = gallery.querySelectorAll(".gallery-grid > figure.gallery-item");
      assert.equal(items.length, 2);
      assert.deepEqual(items.map((f) => f.querySelector("figcaption")?.text), captions);
      for (const f of items) {
        const img = f.querySelector("picture img")!;
        assert.ok(img.getAttribute("alt")!.length > 10);
        assert.equal(img.getAttribute("title"), undefined, "the caption is not said twice");
        assert.equal(img.getAttribute("sizes"), "(min-width: 40rem) 14rem, 50vw");
        assert.ok(f.querySelector("picture source[type='image/avif']"));
        // Shown small, it opens whole: the picture links to the widest file of its own format.
        const widest = img.getAttribute("srcset")!.split(", ").at(-1)!.split(" ")[0]!;
        assert.equal(f.querySelector("a.enlarge > picture") && f.querySelector("a.enlarge")!.getAttribute("href"), widest);
        assert.match(widest, /^\/img\/.+-(800|640)\.(png|jpeg)$/);
        assert.ok(site.exists(widest.slice(1)));
        assert.equal(img.getAttribute("data-enlarge"), undefined);
      }
    }
  });

  test("keeps a linked figure's caption and link, the image still made responsive", () => {
    const figure = fr.querySelectorAll("figure").find((f) => f.querySelector("picture"))!;
    const link = figure.querySelector("a")!;
    assert.equal(link.getAttribute("href"), "https://agenda.chatons-loire.example/install-party-avril");
    assert.ok(link.querySelector("picture source[type='image/avif']"));
    assert.equal(show(figure.querySelector("figcaption")!.text), "La prochaine install party, le 12~avril");
  });

  test("aligns table columns with classes, and no page of the build carries a style attribute", () => {
    assert.deepEqual(fr.querySelectorAll("thead th").map((th) => th.getAttribute("class")), ["align-left", "align-center", "align-right"]);
    const styled = site.files
      .filter((f) => f.endsWith(".html"))
      .flatMap((f) => page(site, f).querySelectorAll("[style]").map((el) => `${f}: <${el.tagName.toLowerCase()} style="${el.getAttribute("style")}">`));
    assert.deepEqual(styled, []);
  });

  test("renders the FAQ as a definition list and keeps the writer's heading ids for old anchors", () => {
    assert.deepEqual(fr.querySelectorAll("dl dt").map((dt) => show(dt.text)), ["Combien coûte un compte_?", "Où sont les serveurs_?"]);
    assert.deepEqual([fr, en].map((p) => p.querySelectorAll("h2[id='faire-un-don'], h2[id='faq']").length), [2, 2]);
    assert.equal(en.querySelector("h2#faire-un-don")!.text, "Donate");
  });

  test("sends the donation button to the campaign's own form, with its label", () => {
    const button = fr.querySelector(".donate a.donate-button")!;
    assert.equal(button.getAttribute("href"), "https://soutien.chatons-loire.example/campagne-disques");
    assert.equal(show(button.text), "Soutenir la campagne «_nouveaux disques_»");
  });

  test("sets French punctuation with narrow no-break spaces, never in English", () => {
    assert.match(show(fr.querySelector("p")!.text), /s’achève_; voici/);
    assert.equal(show(fr.querySelectorAll("td")[2]!.text), "99,7_%");
    assert.match(show(fr.querySelector(".donate p")!.text), /4~To coûtent 180~€_: chaque don nous rapproche du remplacement_!/);
    assert.match(en.querySelector("p")!.text, /2025 is over; here/);
    assert.doesNotMatch(en.text, /\u202F/);
  });

  test("gives feed readers the files' absolute URLs", () => {
    const rss = site.read("feed.xml");
    assert.match(rss, new RegExp(`href="${SITE_URL}/${POST}bilan-hebergement-2025\\.pdf"`));
    assert.match(rss, new RegExp(`poster="${SITE_URL}/${POST}demo-nextcloud\\.jpg"`));
    const json = JSON.parse(site.read("en/feed.json")) as { items: { content_html: string }[] };
    assert.match(json.items[0]!.content_html, new RegExp(`src="${SITE_URL}/${POST}demo-nextcloud\\.webm"`));
    assert.match(json.items[0]!.content_html, new RegExp(`href="${SITE_URL}/${POST}guide-auto-hebergement\\.epub"`));
    assert.match(json.items[0]!.content_html, new RegExp(`<source src="${SITE_URL}/${POST}extrait-emission\\.wav" type="audio/wav">`));
  });
});

test("orphan footnotes, a remote image, an <iframe> and a <script> stop the build, each with file, line and fix", async () => {
  const error = await buildFailure({ fixture: "markdown-errors" });
  const file = "test/fixtures/markdown-errors/content/blog/2025/retour-festival/index.fr.md";
  const found = error.problems.filter((p) => p.file === file).map((p) => `${p.line} · ${p.field}`);
  assert.deepEqual(found.sort(), [
    "11 · https://festival-libertes.example/photos/stand-chatons.jpg",
    "15 · <iframe>",
    "17 · <script>",
    "21 · [^oubli]",
    "9 · [^flyers]",
  ]);
  assert.match(error.message, new RegExp(`${file}:11 · https://festival-libertes\\.example/photos/stand-chatons\\.jpg · the image .* is on another site, and the build never fetches anything: download it into the page's folder \\(test/fixtures/markdown-errors/content/blog/2025/retour-festival/\\) and write !\\[Le stand des Chatons de Loire\\]\\(stand-chatons\\.jpg\\)`));
  assert.match(error.message, /:15 · <iframe> · raw <iframe> in Markdown: .* ::: peertube https:\/\/video\.example\.org\/w\/… "Title"/);
  assert.match(error.message, /:9 · \[\^flyers\] · the footnote \[\^flyers\] has no definition/);
  assert.match(error.message, /:21 · \[\^oubli\] · the footnote \[\^oubli\] is defined but never referenced/);
});
