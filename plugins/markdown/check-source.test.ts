import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkingParser, checkMarkdownSource } from "./check-source.ts";
import { createMarkdown } from "./create-markdown.ts";

// The parser the build checks with (markdownBodyCheck in ./index.ts).
const md = checkingParser(createMarkdown({ siteUrl: "https://www.chatons-loire.example", donateUrl: "/soutenir/" }));
const FILE = "content/blog/2025/ag/index.fr.md";
const check = (body: string) => checkMarkdownSource(md, body, FILE).map((p) => [p.line, p.field, p.message]);

describe("checkMarkdownSource", () => {
  it("names a footnote reference without definition, and a definition never referenced, with their lines", () => {
    const body = [
      "L’assemblée a voté le budget[^budget].", // 1
      "Le rapport suit",
      "plus loin[^rapport].", // 3
      "",
      "[^budget]: Voté à l’unanimité.",
      "",
      "[^oubli]: Une note que plus rien n’appelle.", // 7
    ].join("\n");
    assert.deepEqual(check(body), [
      [3, "[^rapport]", `the footnote [^rapport] has no definition: add a line "[^rapport]: the note's text" (after the paragraph or at the end)`],
      [7, "[^oubli]", "the footnote [^oubli] is defined but never referenced: put [^oubli] where the note applies, or delete the definition"],
    ]);
  });

  it("names a footnote defined twice, whose first definition the page would drop", () => {
    const body = ["Un serveur reconditionné[^achat].", "", "[^achat]: Acheté à une entreprise d’insertion.", "", "[^achat]: Une autre note, collée plus tard."].join("\n");
    assert.deepEqual(check(body), [
      [5, "[^achat]", "the footnote [^achat] is already defined 2 lines above: the page would show only this definition; give one of them another label, and its call too"],
    ]);
  });

  it("names raw <iframe> and <script> with the fix, but not in code", () => {
    const body = [
      "Notre vidéo :",
      "",
      '<iframe src="https://video.example.org/videos/embed/abc"></iframe>', // 3
      "",
      "Un compteur <script src=\"https://stats.example/c.js\"></script> ici.", // 5
      "",
      "```html",
      "<iframe src=\"x\"></iframe>",
      "```",
      "",
      "`<script>` en ligne de code.",
    ].join("\n");
    const found = check(body);
    assert.deepEqual(found.map(([line, field]) => [line, field]), [[3, "<iframe>"], [5, "<script>"]]);
    assert.match(String(found[0]![2]), /::: peertube https:\/\/video\.example\.org\/w\/… "Title"/);
    assert.match(String(found[1]![2]), /link to the page that has it: \[What it does\]\(https:\/\/…\)/);
  });

  it("names a style attribute in raw HTML, which the CSP refuses", () => {
    assert.deepEqual(check("Texte\n\nUn <span style=\"color: red\">mot</span>.").map(([l, f]) => [l, f]), [[3, "style"]]);
  });

  it("names a heading id used twice", () => {
    // "Lines above", not a line number: the body's lines are not the file's (the front matter comes first).
    assert.deepEqual(check("## Don {#don}\n\nTexte.\n\n## Autre {#don}"), [[5, "{#don}", 'the heading id "don" is already used 4 lines above: each {#id} must be unique in the page']]);
  });

  it("gives the line inside a callout, where the alert's marker line comes first", () => {
    const body = ["Avant.", "", "> [!NOTE]", "> Voir la note[^absente] et <iframe src=\"https://x.example\"></iframe>."].join("\n");
    assert.deepEqual(check(body).map(([l, f]) => [l, f]), [[4, "[^absente]"], [4, "<iframe>"]]);
  });

  it("names a level-1 heading under the page's title, and a heading that skips a level, but not # lines of code", () => {
    const body = [
      "# Notre assemblée générale", // 1: the title, pasted again
      "",
      "## Le vote", // 3
      "",
      "#### Le budget", // 5: under a ##
      "",
      "```sh",
      "# une ligne de commentaire",
      "```",
      "",
      "> ### Une citation titrée", // 11: after ####, one level up is fine
      "",
      "Un titre souligné",
      "=================", // 14: a setext level 1
    ].join("\n");
    const found = check(body);
    assert.deepEqual(found.map(([l, f]) => [l, f]), [[1, "#"], [5, "####"], [13, "#"]]);
    assert.equal(found[0]![2], "a level-1 heading (#) in the text: the page's title is its only one; write ## for a section, or delete the line if it repeats the title");
    assert.equal(found[1]![2], "a #### heading after a ## one: skipped levels read as missing sections in screen readers; write ### here");
    assert.deepEqual(check("### Premier"), [[1, "###", "a ### heading right under the page's title: skipped levels read as missing sections in screen readers; write ## here"]]);
  });

  it("lets the home page's text bring its own title, then asks for ## under it", () => {
    const home = (body: string) => checkMarkdownSource(md, body, "content/index.fr.md", 0).map((p) => [p.line, p.field]);
    assert.deepEqual(home("# Des services qui vous respectent\n\n## Nos services"), []);
    assert.deepEqual(home("# Des services\n\n### Nos services"), [[3, "###"]]);
  });

  it("names link syntax left as text: an address with a space, a space before the parenthesis", () => {
    const body = [
      "Voir [le plan](../plan salle/) et [l’inscription] (https://agenda.example/ag).", // 1
      "Il a écrit [sic] (en 2020), [un titre](/ag/ \"L’AG\") et ![une photo](photo été.jpg).", // 2: none of these
      "`[code](a b)`",
    ].join("\n");
    assert.deepEqual(check(body), [
      [1, "../plan salle/", "[le plan](../plan salle/) is shown as text, not as a link: an address with spaces must be written between < and >: [le plan](<../plan salle/>), or with %20 for each space"],
      [1, "https://agenda.example/ag", "[l’inscription] (https://agenda.example/ag) is shown as text, not as a link: remove the space between ] and (: [l’inscription](https://agenda.example/ag)"],
    ]);
  });

  it("names text inside a gallery, at its line, and lets images one a line or a paragraph each through", () => {
    const body = [
      "::: gallery Les photos",
      "![Les tables](tables.jpg)",
      "",
      "![Le groupe](groupe.jpg \"En fin de journée\")",
      "![Les clés](cles.jpg)",
      "Merci aux photographes !", // 6
      ":::",
    ].join("\n");
    assert.deepEqual(check(body), [
      [6, "::: gallery", `a gallery holds only images, one a line: "Merci aux photographes !" is not one; put text before or after the gallery, and a photo's caption in its title: ![…](photo.jpg "Caption")`],
    ]);
    assert.deepEqual(check(body.replace("Merci aux photographes !\n", "")), []);
  });

  it("finds nothing in a clean page", () => {
    assert.deepEqual(check("## Titre {#titre}\n\nUne note[^1].\n\n[^1]: La note."), []);
  });
});
