import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { checkImages } from "./check-images.ts";

const FILE = "content/blog/2025/ag/index.fr.md";
let root: string;
let bundle: string;
let content: string;
const check = (source: string, inputDir?: string) =>
  checkImages(source, FILE, bundle, inputDir === undefined ? {} : { inputDir });

before(() => {
  root = mkdtempSync(path.join(tmpdir(), "check-images-"));
  content = path.join(root, "content");
  bundle = path.join(content, "blog/2025/ag");
  mkdirSync(path.join(content, "assets"), { recursive: true });
  mkdirSync(bundle, { recursive: true });
  for (const name of ["salle.jpg", "photo de groupe.jpg", "schéma.svg", "rapport.pdf"]) writeFileSync(path.join(bundle, name), "x");
  writeFileSync(path.join(content, "assets/logo.svg"), "<svg/>");
});
after(() => rmSync(root, { recursive: true, force: true }));

describe("checkImages", () => {
  it("accepts described images that exist next to the page", () => {
    const source = [
      "![La salle](salle.jpg)",
      '![Le groupe](<photo de groupe.jpg> "Photo de groupe")',
      "![Le schéma](sch%C3%A9ma.svg) ![Le schéma encore](schéma.svg)",
      "[![La salle en grand](salle.jpg)](salle.jpg)",
      '<img src="salle.jpg" alt="La salle">',
    ].join("\n\n");
    assert.deepEqual(check(source), []);
  });

  it("reports an image without alt text, naming the file, the line and the image", () => {
    const source = "---\ntitle: AG\ntags: [vie]\n---\n\nIntro.\n\n![](salle.jpg)\n\nTexte avec ![  ](salle.jpg) dedans.";
    const problems = check(source);
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.field]),
      [
        [FILE, 8, "salle.jpg"],
        [FILE, 10, "salle.jpg"],
      ],
    );
    assert.match(problems[0]!.message, /has no alt text/);
  });

  it("reports a missing image with the path it looked for", () => {
    const [problem, ...rest] = check("Voici :\n![La salle](sale.jpg)");
    assert.equal(rest.length, 0);
    assert.deepEqual([problem!.line, problem!.field], [2, "sale.jpg"]);
    assert.match(problem!.message, /"sale\.jpg" does not exist \(looked for content\/blog\/2025\/ag\/sale\.jpg\)/);
  });

  it("gives each repeat of an image its own line", () => {
    assert.deepEqual(check("Avant ![](salle.jpg)\npuis ![](salle.jpg) et ![](salle.jpg)").map((p) => p.line), [1, 2, 2]);
  });

  it("reports every problem of the file at once", () => {
    const problems = check("![](absente.png)\n\n![Le rapport](rapport.pdf)");
    assert.deepEqual(
      problems.map((p) => [p.line, p.field, p.message.split(" ").slice(0, 4).join(" ")]),
      [
        [1, "absente.png", 'the image "absente.png" has'],
        [1, "absente.png", 'the image "absente.png" does'],
        [3, "rapport.pdf", '"rapport.pdf" is not an'],
      ],
    );
  });

  it("checks raw <img> tags too: a missing or empty alt is an error", () => {
    const problems = check('<p>\n<img src="salle.jpg">\n<img src="salle.jpg" alt="">\n</p>\n\nTexte <img src="absente.jpg" alt="x">');
    assert.deepEqual(
      problems.map((p) => [p.line, p.field]),
      [
        [2, "salle.jpg"],
        [3, "salle.jpg"],
        [6, "absente.jpg"],
      ],
    );
  });

  it("resolves reference-style images", () => {
    assert.deepEqual(check("![La salle][s]\n\n[s]: salle.jpg"), []);
    assert.equal(check("![][s]\n\n[s]: salle.jpg").length, 1);
  });

  it("ignores images shown as code", () => {
    assert.deepEqual(check("`![](x.jpg)`\n\n```md\n![](x.jpg)\n```"), []);
  });

  it("refuses remote images, naming the line and the URL and saying where the file goes", () => {
    const problems = check("Intro.\n\n![Logo Framasoft](https://framasoft.org/img/logo.png?v=2)\n\n<img src=\"//cdn.example/x.jpg\" alt=\"X\">");
    assert.deepEqual(problems.map((p) => [p.line, p.field]), [[3, "https://framasoft.org/img/logo.png?v=2"], [5, "//cdn.example/x.jpg"]]);
    assert.equal(
      problems[0]!.message,
      "the image https://framasoft.org/img/logo.png?v=2 is on another site, and the build never fetches anything: download it into the page's folder (content/blog/2025/ag/) and write ![Logo Framasoft](logo.png)",
    );
  });

  it("only asks inline images for alt text", () => {
    assert.equal(check("![](data:image/png;base64,AAAA)").length, 1);
    assert.deepEqual(check("![Un point](data:image/png;base64,AAAA)"), []);
  });

  it("accepts a bundle's video written as an image", () => {
    writeFileSync(path.join(bundle, "demo.webm"), "x");
    assert.deepEqual(check("![La démonstration](demo.webm)"), []);
    assert.match(check("![La démonstration](absente.mp4)")[0]!.message, /does not exist/);
  });

  it("looks for site-absolute images in the content folder when it knows it", () => {
    assert.deepEqual(check("![Logo](/assets/logo.svg)", content), []);
    assert.match(check("![Logo](/assets/logo.png)", content)[0]!.message, /does not exist/);
    assert.deepEqual(check("![Logo](/assets/logo.png)"), [], "without inputDir it cannot tell");
  });
});
