import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { excerptOf, tableOfContents } from "./excerpt.ts";

const md = createMarkdown({ siteUrl: "https://site.example" });
const render = (source: string) => md.render(source, { lang: "fr" });

describe("excerptOf", () => {
  test("keeps what comes before <!-- more --> and nothing after", () => {
    const html = render("Premier paragraphe.\n\nDeuxième **paragraphe**.\n\n<!-- more -->\n\nLa suite, cachée.\n");
    assert.equal(excerptOf(html), "<p>Premier paragraphe.</p>\n<p>Deuxième <strong>paragraphe</strong>.</p>");
  });

  test("is undefined without the marker, so lists fall back to the summary", () => {
    assert.equal(excerptOf(render("Un article sans marqueur.\n\n## Titre\n\nTexte.\n")), undefined);
  });

  test("drops what would break a list page: ids, anchors, footnote calls, images; headings become paragraphs", () => {
    const html = render("Intro[^1].\n\n## Un titre\n\n![Un chat](chat.jpg \"Légende\")\n\n<!-- more -->\n\nSuite.\n\n[^1]: Note.\n");
    const excerpt = excerptOf(html)!;
    assert.doesNotMatch(excerpt, /id=|heading-anchor|footnote|<img|<figure|<h2/);
    assert.match(excerpt, /<p>Intro\.<\/p>/);
    assert.match(excerpt, /<p>Un titre<\/p>/);
  });

  test("{{ }} in an excerpt's code stays text", () => {
    const excerpt = excerptOf(render("Le format : `{{.Name}}`.\n\n<!-- more -->\n\nSuite.\n"))!;
    assert.match(excerpt, /<code>\{\{\.Name\}\}<\/code>/);
  });
});

describe("tableOfContents", () => {
  const long = render("## Un\n\nTexte[^n].\n\n### Un point\n\nTexte.\n\n## Deux & trois\n\nTexte.\n\n## Quatre\n\nTexte.\n\n[^n]: Note.\n");

  test("lists the h2 sections with their h3, linking to the ids markdown-it-anchor gave them", () => {
    const toc = tableOfContents(long, 3);
    assert.deepEqual(
      toc.map((e) => [e.id, e.text, e.children.map((c) => c.id)]),
      [
        ["un", "Un", ["un-point"]],
        ["deux-trois", "Deux & trois", []],
        ["quatre", "Quatre", []],
      ],
    );
    for (const entry of toc) assert.match(long, new RegExp(`id="${entry.id}"`));
  });

  test("the footnotes' hidden heading is not a section", () => {
    assert.ok(!tableOfContents(long, 1).some((e) => e.text === "Notes"));
  });

  test("is empty below the threshold", () => {
    assert.deepEqual(tableOfContents(render("## Un\n\nA.\n\n## Deux\n\nB.\n"), 3), []);
    assert.equal(tableOfContents(long, 4).length, 0);
  });
});
