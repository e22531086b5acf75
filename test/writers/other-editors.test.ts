/**
 * Files saved by other editors build like any other: a UTF-8 byte-order mark
 * (some Windows editors), CRLF line endings (a Windows checkout with autocrlf),
 * and a date written with a space before the time, as export tools write it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildSite, fixtureDir } from "../helpers/build.ts";
import { page } from "../blog/helpers.ts";

const content = path.join(fixtureDir("other-editors"), "content");

test("the fixture really holds a CRLF file and a file with a byte-order mark", () => {
  assert.match(readFileSync(path.join(content, "blog/2025/fin-de-ligne-windows/index.fr.md"), "utf8"), /^---\r\ntitle:/);
  assert.match(readFileSync(path.join(content, "blog/2025/marque-d-ordre/index.fr.md"), "utf8"), /^\uFEFF---\n/);
});

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

test("both build exactly like an LF file: title, date in the site's zone, text", async () => {
  const site = await buildSite({ fixture: "other-editors" });
  const crlf = page(site, "/blog/2025/fin-de-ligne-windows/");
  assert.equal(crlf.querySelector("h1")?.text, "Fins de ligne Windows");
  assert.equal(crlf.querySelector("article time")?.getAttribute("datetime") ?? crlf.querySelector("time")?.getAttribute("datetime"), "2025-03-12T18:30:00+01:00");
  assert.deepEqual(
    crlf.querySelectorAll("main p").map((p) => p.text).filter((t) => /Windows|Deuxième/.test(t)),
    ["Un dépôt cloné sous Windows avec autocrlf garde ces fins de ligne.", "Deuxième paragraphe."],
  );
  const bom = page(site, "/blog/2025/marque-d-ordre/");
  assert.equal(bom.querySelector("h1")?.text, "Marque d’ordre des octets");
  assert.equal(bom.querySelector("time")?.getAttribute("datetime"), "2025-04-02T00:00:00+02:00");
  assert.ok(!site.read("blog/2025/fin-de-ligne-windows/index.html").includes("\r"), "no carriage return reaches the page");
  // Eleventy's own reading of `date` refused it with a stack trace.
  assert.equal(page(site, "/blog/2025/date-d-un-export/").querySelector("time")?.getAttribute("datetime"), "2025-05-20T18:30:00+02:00");

  // A file name with a space, written between < and > as the build's message says, is a real picture.
  const photo = page(site, "/blog/2025/photo-d-ete/").querySelector("main picture img");
  assert.equal(photo?.getAttribute("alt"), "Une photo d’été");
  assert.ok(site.exists(photo!.getAttribute("src")!.slice(1)), "the encoded image is published");

  // Control characters pasted from a PDF (NUL, BEL, ESC, BS, FF) are dropped from every output format.
  assert.equal(page(site, "/blog/2025/copie-d-un-pdf/").querySelector("h1")?.text, "Copie dun PDF");
  const texts = site.files.filter((f) => /\.(html|xml|json|ics|txt)$/.test(f));
  assert.ok(texts.some((f) => site.read(f).includes("Copie dun PDF")) && texts.length > 10);
  for (const file of texts) assert.doesNotMatch(site.read(file), CONTROL, `${file} holds a control character`);
});
