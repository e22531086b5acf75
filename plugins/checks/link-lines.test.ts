import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { linkLines, linkLocator } from "./link-lines.ts";

const lineIn = (markdown: string, raw: string) => linkLocator()(markdown, raw);

describe("linkLines", () => {
  const markdown = "---\ntitle: T\n---\n\nVoir [la page](/blog/2025/ag/) et [ici](#plan \"Le plan\").\n\n[ref]: /blog/\n\n<a href=\"/contact/\">contact</a>\n";
  it("finds the line where the Markdown writes a link, an anchor, a reference or raw HTML", () => {
    assert.equal(lineIn(markdown, "/blog/2025/ag/"), 5);
    assert.equal(lineIn(markdown, "#plan"), 5);
    assert.equal(lineIn(markdown, "/blog/"), 7);
    assert.equal(lineIn(markdown, "/contact/"), 9);
  });

  it("does not mistake a longer link for a shorter one, and says nothing for layout links", () => {
    assert.equal(lineIn("[a](/blog/2025/)\n", "/blog/"), undefined);
    assert.equal(lineIn(markdown, "/events/"), undefined);
  });

  it("finds a link written with accents that the HTML percent-encodes", () => {
    assert.equal(lineIn("\n[la fête](/blog/fête/)\n", "/blog/f%C3%AAte/"), 2);
  });

  // Lines 1–4 front matter, then a list, a table and a reference-style link.
  const page = [
    "---",
    "title: Liens",
    "lang: fr",
    "---",
    "",
    "Un paragraphe qui cite /dans-le-texte/ sans lien.",
    "",
    "- Premier point, sur deux lignes,",
    "  avec [un lien](/premier/) au bout.",
    "- Deuxième point",
    "  qui continue sur une ligne",
    "  puis [le lien cassé](/liste/) ligne 12.",
    "",
    "| Quoi | Où |",
    "| --- | --- |",
    "| Salle | [plan](/plan/) |",
    "| Accès | ![carte](carte.png) |",
    "",
    "Voir [le compte rendu][cr] et [encore][cr].",
    "",
    "<p>",
    "  <a href=\"/brut/\">brut</a>",
    "</p>",
    "",
    "[cr]: /compte-rendu/ \"Le compte rendu\"",
    "",
    "Adresse nue : https://exemple.org/page/ et <https://exemple.org/auto/>.",
  ].join("\n");
  const lines = linkLines(page);

  it("gives a link inside a multi-line list item its own line", () => {
    assert.equal(lines.get("/premier/"), 9);
    assert.equal(lines.get("/liste/"), 12);
  });

  it("gives a link or an image in a table row that row's line", () => {
    assert.equal(lines.get("/plan/"), 16);
    assert.equal(lines.get("carte.png"), 17);
  });

  it("gives a reference-style link the line of its definition, where the target is written", () => {
    assert.equal(lines.get("/compte-rendu/"), 25);
  });

  it("finds raw HTML links, bare URLs and autolinks, and ignores URLs that are not links", () => {
    assert.equal(lines.get("/brut/"), 22);
    assert.equal(lines.get("https://exemple.org/page/"), 27);
    assert.equal(lines.get("https://exemple.org/auto/"), 27);
    assert.equal(lines.get("/dans-le-texte/"), undefined);
  });

  it("counts from the file's first line when there is no front matter", () => {
    assert.equal(lineIn("# Titre\n\nTexte\n[lien](/x/)\n", "/x/"), 4);
  });
});
