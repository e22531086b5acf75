import assert from "node:assert/strict";
import { test } from "node:test";
import { calloutKind, htmlToMarkdown, withExcerptMarker } from "./markdown.ts";

const convert = (html: string, headingShift = 0) => {
  const notes: string[] = [];
  const markdown = htmlToMarkdown(html, { headingShift, notes, peertube: (src) => (src.includes("/videos/embed/") ? src.replace("/videos/embed/", "/w/") : undefined) });
  return { markdown, notes };
};

test("headings are shifted by the amount given, never above ##, and none skips a level", () => {
  assert.equal(convert("<h1>A</h1><h2>B</h2>", 1).markdown, "## A\n\n### B");
  // The old site's h1 then h3 (a skipped level, which the build refuses): ## then ###.
  assert.equal(convert("<h1>A</h1><h3>B</h3>", 1).markdown, "## A\n\n### B");
  assert.equal(convert("<h2>A</h2><h4>B</h4><h2>C</h2><h3>D</h3>").markdown, "## A\n\n### B\n\n## C\n\n### D");
  assert.equal(convert("<h6>Deep</h6>", 2).markdown, "## Deep");
});

test("footnotes, as Zola writes them, become Markdown footnotes", () => {
  const html = '<p>Texte<sup class="footnote-reference"><a href="#note">1</a></sup></p><div class="footnote-definition" id="note"><sup class="footnote-definition-label">1</sup><p>La note.</p></div>';
  assert.equal(convert(html).markdown, "Texte[^note]\n\n[^note]: La note.");
});

test("a figure keeps its caption (with its inline Markdown) as the image title", () => {
  const html = '<figure><img src="vue.jpg" alt="La Loire"><figcaption>Photo <a href="https://x.example/">Lou</a> "été"</figcaption></figure>';
  assert.equal(convert(html).markdown, '![La Loire](vue.jpg "Photo [Lou](https://x.example/) \\"été\\"")');
});

test("callouts: the engine's class names pick the kind, its title element the title", () => {
  assert.equal(calloutKind("admonition warning"), "warning");
  assert.equal(calloutKind("notice tip"), "tip");
  assert.equal(calloutKind("alert alert-info"), "note");
  assert.equal(calloutKind("lead"), undefined);
  assert.equal(convert('<aside class="callout caution"><p>Coupure samedi.</p></aside>').markdown, "::: warning\nCoupure samedi.\n:::");
});

test("a definition list becomes one ::: details per question", () => {
  const { markdown, notes } = convert("<dl><dt>Gratuit ?</dt><dd><p>Oui.</p></dd><dd><p>Toujours.</p></dd></dl>");
  assert.equal(markdown, "::: details Gratuit ?\nOui.\n\nToujours.\n:::");
  assert.deepEqual(notes, []);
  assert.equal(convert("<dl><dt>CPU</dt><dd>4 cœurs</dd><dt>RAM</dt><dd>8 Go</dd></dl>").markdown, "CPU\n:   4 cœurs\n\nRAM\n:   8 Go", "a list that is not a FAQ stays a definition list");
});

test("code keeps its language, from class or data-lang", () => {
  assert.equal(convert('<pre><code class="language-sh">ls -l\n</code></pre>').markdown, "```sh\nls -l\n```");
  assert.equal(convert('<pre data-lang="toml"><span>a = 1</span></pre>').markdown, "```toml\na = 1\n```");
});

test("embeds: PeerTube becomes the kit's block, anything else a link that is reported", () => {
  assert.equal(convert('<iframe src="https://v.example/videos/embed/abc" title="AG"></iframe>').markdown, '::: peertube https://v.example/w/abc "AG"');
  const other = convert('<iframe src="https://www.youtube-nocookie.com/embed/xyz" title="Clip"></iframe>');
  assert.equal(other.markdown, "[Clip](https://www.youtube-nocookie.com/embed/xyz)");
  assert.match(other.notes[0]!, /embedded iframe https:\/\/www\.youtube-nocookie\.com\/embed\/xyz written as a link/);
});

test("a donate block loses the old button and keeps its label; the old target is reported", () => {
  const { markdown, notes } = convert('<div class="donate"><p>Aidez-nous.</p><p><a href="https://old.example/don/">Donner</a></p></div>');
  assert.equal(markdown, "::: donate Donner\nAidez-nous.\n:::");
  assert.match(notes[0]!, /donate button \(to https:\/\/old\.example\/don\/\)/);
  const campaign = htmlToMarkdown('<div class="donate"><p>Campagne.</p><a href="https://dons.example/c">Je donne</a></div>', { headingShift: 0, notes: [], isExternal: () => true });
  assert.equal(campaign, '::: donate https://dons.example/c "Je donne"\nCampagne.\n:::', "a platform's form is kept");
});

test("tables: with a header row as Markdown, without one kept as HTML and reported", () => {
  assert.equal(convert("<table><tr><th>A</th></tr><tr><td>1</td></tr></table>").markdown, "| A |\n| --- |\n| 1 |");
  const kept = convert("<table><tr><td>1</td></tr></table>");
  assert.match(kept.markdown, /^<table>/);
  assert.deepEqual(kept.notes, ["table without a header row kept as HTML"]);
});

test("text is NFC: a decomposed é is written composed", () => {
  assert.equal(convert("<p>e\u0301te\u0301</p>").markdown, "\u00e9t\u00e9");
});

test("the excerpt marker goes after the first paragraph, not after a heading or an image", () => {
  assert.equal(withExcerptMarker("## Titre\n\nPremier.\n\nSecond."), "## Titre\n\nPremier.\n\n<!-- more -->\n\nSecond.");
  assert.equal(withExcerptMarker("Seul paragraphe."), "Seul paragraphe.", "nothing to cut");
});
