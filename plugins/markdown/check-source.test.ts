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
    assert.deepEqual(check("## Don {#don}\n\nTexte.\n\n## Autre {#don}").map(([l, f]) => [l, f]), [[5, "{#don}"]]);
  });

  it("gives the line inside a callout, where the alert's marker line comes first", () => {
    const body = ["Avant.", "", "> [!NOTE]", "> Voir la note[^absente] et <iframe src=\"https://x.example\"></iframe>."].join("\n");
    assert.deepEqual(check(body).map(([l, f]) => [l, f]), [[4, "[^absente]"], [4, "<iframe>"]]);
  });

  it("finds nothing in a clean page", () => {
    assert.deepEqual(check("## Titre {#titre}\n\nUne note[^1].\n\n[^1]: La note."), []);
  });
});
