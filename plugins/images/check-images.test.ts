import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { checkImages } from "./check-images.ts";

const FILE = "content/blog/2025/ag/index.fr.md";
let root: string;
let bundle: string;
let content: string;
const check = (source: string, inputDir?: string) =>
  checkImages(source, FILE, bundle, inputDir === undefined ? {} : { inputDir });

/** A small image in each format the checks must accept. */
const encoded = (format: "jpeg" | "png" | "avif") => sharp({ create: { width: 8, height: 8, channels: 3, background: "#68a" } }).toFormat(format).toBuffer();
let jpeg: Buffer;

before(async () => {
  root = mkdtempSync(path.join(tmpdir(), "check-images-"));
  content = path.join(root, "content");
  bundle = path.join(content, "blog/2025/ag");
  mkdirSync(path.join(content, "assets"), { recursive: true });
  mkdirSync(bundle, { recursive: true });
  jpeg = await encoded("jpeg");
  for (const name of ["salle.jpg", "photo de groupe.jpg"]) writeFileSync(path.join(bundle, name), jpeg);
  for (const name of ["schéma.svg", "rapport.pdf"]) writeFileSync(path.join(bundle, name), "x");
  writeFileSync(path.join(content, "assets/logo.svg"), "<svg/>");
});

/** Writes `bytes` as `name` in the bundle, and checks a page showing it. */
const checkFile = (name: string, bytes: string | Buffer) => {
  writeFileSync(path.join(bundle, name), bytes);
  return check(`Intro.\n\n![Le groupe](${name})`);
};
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

  it("accepts an image whatever its name says, as sharp reads the bytes: a PNG or an AVIF named .jpg", async () => {
    assert.deepEqual(checkFile("capture.jpg", await encoded("png")), []);
    assert.deepEqual(checkFile("exportee.jpg", await encoded("avif")), []);
  });

  it("reports an empty image file", () => {
    assert.deepEqual(checkFile("vide.jpg", ""), [
      { file: FILE, line: 3, field: "vide.jpg", message: 'the image "vide.jpg" is empty (0 bytes): copy the photo into the folder again' },
    ]);
  });

  it("reports a Git LFS pointer in place of the photo, and how to fetch it", () => {
    const pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 49604\n";
    assert.deepEqual(checkFile("lfs.jpg", pointer).map((p) => p.message), [
      'the image "lfs.jpg" is a Git LFS pointer (a few lines of text standing for the photo), not the photo: run git lfs pull to fetch the photos (in CI, check the repository out with LFS)',
    ]);
  });

  it("reports an iPhone HEIC photo renamed .jpg, which sharp cannot read", () => {
    const heic = Buffer.concat([Buffer.from("\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\x01\x00meta", "latin1"), Buffer.alloc(200, 7)]);
    assert.deepEqual(checkFile("IMG_0042.jpg", heic).map((p) => p.message), [
      'the image "IMG_0042.jpg" is an iPhone photo in HEIC format, whatever its name says, and the build cannot read HEIC: export it as JPEG from your photo software (or on the iPhone: Settings › Camera › Formats › Most Compatible) and copy it into the folder again',
    ]);
  });

  it("reports a file of an image's name that holds no image, saying what it holds when it can tell", () => {
    const message = (name: string, bytes: string | Buffer) => checkFile(name, bytes).map((p) => p.message);
    assert.deepEqual(message("page.jpg", "\uFEFF<!DOCTYPE html>\n<html><body><img src=x.jpg></body></html>"), [
      'the file "page.jpg" is not an image (it is a web page, saved instead of the picture it showed): copy the photo itself into the folder, as JPEG or PNG',
    ]);
    assert.deepEqual(message("compte-rendu.jpg", Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1"), Buffer.alloc(100)])), [
      'the file "compte-rendu.jpg" is not an image (it is a ZIP archive, or a Word or LibreOffice document): copy the photo itself into the folder, as JPEG or PNG',
    ]);
    assert.deepEqual(message("inconnu.png", Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])), [
      'the file "inconnu.png" is not an image (its first bytes are not those of a JPEG, PNG, GIF, WebP or AVIF file): copy the photo itself into the folder, as JPEG or PNG',
    ]);
    assert.deepEqual(message("dessin.png", '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), [
      'the image "dessin.png" is an SVG drawing, whatever its name says: rename the file to dessin.svg and write ![…](dessin.svg)',
    ]);
  });

  it("says how to publish an iPhone photo written with its .heic name", () => {
    writeFileSync(path.join(bundle, "IMG_0043.HEIC"), "x");
    assert.deepEqual(check("![Le stand](IMG_0043.HEIC)").map((p) => p.message), [
      '"IMG_0043.HEIC" is not an image the site can publish (expected jpg, jpeg, png, webp, avif, gif, svg, mp4, webm, mp3, ogg, oga, opus, m4a, flac, wav): an iPhone photo (HEIC) must be exported as JPEG first (from your photo software, or on the iPhone: Settings › Camera › Formats › Most Compatible), then written ![…](IMG_0043.jpg)',
    ]);
  });

  it("names the file whose name differs only by case, which a Mac or Windows disk would have found", (t) => {
    if (existsSync(path.join(bundle, "SALLE.JPG"))) return t.skip("this disk ignores case: every name is found");
    assert.deepEqual(check("![La salle](Salle.jpg)").map((p) => p.message), [
      'the image "Salle.jpg" does not exist (looked for content/blog/2025/ag/Salle.jpg): the folder has "salle.jpg" (names are case-sensitive once published): write ![…](salle.jpg) or rename the file',
    ]);
    mkdirSync(path.join(bundle, "photos"), { recursive: true });
    writeFileSync(path.join(bundle, "photos/stand.JPG"), jpeg);
    assert.deepEqual(check("![Le stand](photos/stand.jpg)").map((p) => p.message), [
      'the image "photos/stand.jpg" does not exist (looked for content/blog/2025/ag/photos/stand.jpg): the folder has "stand.JPG" (names are case-sensitive once published): write ![…](photos/stand.JPG) or rename the file',
    ]);
  });

  it("keeps a title out of the < > and out of the new name when a file name has spaces", () => {
    const problems = check('Avant.\n![Les bénévoles](photo de groupe.jpg "Les bénévoles, en fin de journée")');
    assert.deepEqual(problems, [
      {
        file: FILE,
        line: 2,
        field: "photo de groupe.jpg",
        message:
          '![Les bénévoles](photo de groupe.jpg "Les bénévoles, en fin de journée") is shown as text, not as an image: a file name with spaces must be written between < and >: ![Les bénévoles](<photo de groupe.jpg> "Les bénévoles, en fin de journée"), or rename the file to photo-de-groupe.jpg',
      },
    ]);
    assert.match(check("![Les bénévoles](photo de groupe.jpg)")[0]!.message, /written between < and >: !\[Les bénévoles\]\(<photo de groupe\.jpg>\), or rename the file to photo-de-groupe\.jpg$/);
  });
});
