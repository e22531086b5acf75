/**
 * Mistakes writers make, run through `npm run build` as a writer runs it: each is
 * one line naming the file, the line and the field, with what to write instead,
 * and no stack trace is printed.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { runScript } from "../tools/helpers.ts";

const base = "test/fixtures/writer-mistakes/content";

test("npm run build lists every mistake of the writer-mistakes fixture, one line each, without a stack trace", () => {
  const output = mkdtempSync(path.join(tmpdir(), "writer-mistakes-"));
  const run = runScript("build.ts", [`--input=${base}`, `--output=${output}`, "--quiet"]);
  assert.equal(run.status, 1);
  const lines = run.stderr.split("\n").map((l) => l.trim());
  const expected = [
    // 6. An unquoted title with a spaced colon, the most common French case.
    `${base}/blog/2025/deux-points/index.fr.md:2 · title · a value containing ": " must be put in quotes; write the line as: title: "Atelier : chiffrer ses courriels"`,
    // 6. Two letters swapped.
    `${base}/blog/2025/faute-de-frappe/index.fr.md:4 · tgas · unknown field: did you mean "tags"?`,
    // 3. A title of spaces only.
    `${base}/blog/2025/titre-vide/index.fr.md:2 · title · expected a title, found an empty text (or only spaces)`,
    // 2. Two different tags that would share /blog/tags/c/.
    `${base}/blog/2025/cplusplus/index.fr.md:4 · tags · "C++" and "C#" in ${base}/blog/2025/csharp/index.fr.md:6 would share one tag page, /blog/tags/c/: rename one so that their letters or digits differ`,
    `${base}/blog/2025/csharp/index.fr.md:6 · tags · "C#" and "C++" in ${base}/blog/2025/cplusplus/index.fr.md:4 would share one tag page, /blog/tags/c/: rename one so that their letters or digits differ`,
    // 4. An image file name with a space, and an SVG that would run a script on the site.
    `${base}/blog/2025/images/index.fr.md:8 · photo été.jpg · ![Une photo d’été](photo été.jpg) is shown as text, not as an image: a file name with spaces must be written between < and >: ![Une photo d’été](<photo été.jpg>), or rename the file to photo-été.jpg`,
    `${base}/blog/2025/images/schema.svg:3 · onload · the event handler onload="…" would run as a script on the site: delete it (an SVG is text: open it in a text editor at that line); a drawing needs neither scripts nor outside addresses`,
    `${base}/blog/2025/images/schema.svg:4 · <script> · a <script> element would run or embed content on the site: delete it (an SVG is text: open it in a text editor at that line); a drawing needs neither scripts nor outside addresses`,
    // A text pasted from a pad: its title written again as a # heading, a skipped level, and two links left as text.
    `${base}/blog/2025/intertitres/index.fr.md:7 · # · a level-1 heading (#) in the text: the page's title is its only one; write ## for a section, or delete the line if it repeats the title`,
    `${base}/blog/2025/intertitres/index.fr.md:11 · #### · a #### heading after a # one: skipped levels read as missing sections in screen readers; write ## here`,
    `${base}/blog/2025/intertitres/index.fr.md:13 · ../plan de la salle/ · [le plan](../plan de la salle/) is shown as text, not as a link: an address with spaces must be written between < and >: [le plan](<../plan de la salle/>), or with %20 for each space`,
    `${base}/blog/2025/intertitres/index.fr.md:13 · https://agenda.chatons-loire.example/pad · [l’inscription] (https://agenda.chatons-loire.example/pad) is shown as text, not as a link: remove the space between ] and (: [l’inscription](https://agenda.chatons-loire.example/pad)`,
    // Markdown in a summary, which lists, feeds and link previews show as written.
    `${base}/blog/2025/resume-en-markdown/index.fr.md:4 · summary · a summary is plain text (lists, feeds, link previews and search engines show it as written), without Markdown or HTML: write "Les inscriptions sont ouvertes sur l’agenda (https://agenda.chatons-loire.example/ag)."`,
    // An old address copied whole from the browser, where only its path can be redirected.
    `${base}/blog/2025/adresse-copiee/index.fr.md:6 · aliases.0 · expected a path starting with /, without the site's address: write "/2019/06/notre-charte.html" (a redirect can only be served from this site, at its old path)`,
    // A date written as on a poster: the line to write instead.
    `${base}/blog/2025/date-a-la-francaise/index.fr.md:3 · date · expected a date like 2025-03-12, 2025-03-12T18:30 or 2025-03-12T18:30:00+01:00, found "03/07/2025 à 9h30": write 2025-07-03T09:30 (year, month, day)`,
    // A title typed in a word processor: its quotes are typographic ones, which YAML reads as text.
    `${base}/blog/2025/guillemets-courbes/index.fr.md:2 · title · the quotes “ ” are read as text, so the ": " inside them is not quoted; write the line with straight quotes: title: "Atelier : sauvegarder ses photos"`,
    // A French keyboard's non-breaking space before the colon: part of the field's name for YAML.
    `${base}/blog/2025/espace-insecable/index.fr.md:3 · date\u00A0 · unknown field: "date" followed by a non-breaking space, which is part of the name: delete the space before the colon (date:)`,
    // An empty line left above the front matter, and a field name with a capital letter.
    `${base}/blog/2025/ligne-vide-en-tete/index.fr.md:2 · the front matter must start on the file's first line: delete the empty line above this ---`,
    `${base}/blog/2025/majuscule/index.fr.md:2 · Title · unknown field: field names are case-sensitive: write title:`,
    // A file saved by an old editor in Windows-1252: its accents would show as �.
    `${base}/blog/2025/encodage-windows/index.fr.md:2 · this file is not saved as UTF-8: in “Compte rendu de la r\uFFFDunion”, \uFFFD stands for a character that cannot be read (an accent saved in another encoding, such as Windows-1252): save the file again with the encoding UTF-8 (your editor's "Save with encoding" or "Reopen with encoding" menu), then check its accents`,
    // A day the calendar does not have: why, not "write" the same date again.
    `${base}/blog/2025/trente-fevrier/index.fr.md:3 · date · expected a date like 2025-03-12, 2025-03-12T18:30 or 2025-03-12T18:30:00+01:00, found "2025-02-30": February 2025 has 28 days`,
    // A folder's data file dating both languages' update as on a poster: said once, at its line (its layout is Eleventy's, not a mistake).
    `${base}/blog/2025/date-dans-un-fichier/date-dans-un-fichier.11tydata.json:3 · updated · expected a date like 2025-03-12, 2025-03-12T18:30 or 2025-03-12T18:30:00+01:00, found "20/05/2025": write 2025-05-20 (year, month, day)`,
    // Markdown under another engine's ending would never be built.
    `${base}/blog/2025/extension-markdown/index.fr.markdown · a page's file name must end in .md, in lowercase: rename it index.fr.md (a file ending in .markdown is not built)`,
    // A folder named like the title: its name would be in the address.
    `${base}/blog/2025/Fête de la Science/index.fr.md · the folder "Fête de la Science" would be part of the page's address: addresses use lowercase letters without accents, digits and hyphens, so that they can be typed and shared; rename it "fete-de-la-science"`,
  ];
  for (const line of expected) assert.ok(lines.includes(line), `expected the line\n  ${line}\nin:\n${run.stderr}`);
  assert.match(run.stderr, /^24 content problems stopped the build:$/m);
  assert.doesNotMatch(run.stderr, /^\s+at .*:\d+:\d+\)?$/m, "no stack trace");
  // The blog folder's README.md speaks to writers: it is neither a page nor a mistake.
  assert.doesNotMatch(run.stderr, /README/);
});

test("two pages at one address are one content problem naming both source files and the URL, before anything is written", () => {
  const output = mkdtempSync(path.join(tmpdir(), "url-collisions-"));
  const at = "test/fixtures/url-collisions/content";
  const run = runScript("build.ts", [`--input=${at}`, `--output=${output}`, "--quiet"]);
  assert.equal(run.status, 1);
  const lines = run.stderr.split("\n").map((l) => l.trim());
  const expected = [
    // Two posts with the same slug.
    `${at}/blog/2025/reunion-de-rentree/index.fr.md:4 · slug · /blog/2025/reunion/ (and /en/blog/2025/reunion/) is also the address of ${at}/blog/2025/reunion/index.fr.md: give one of them another slug (or another folder or file name)`,
    // An alias that is a real page's address: the post that declares it is named.
    `${at}/blog/2025/ancienne-adresse/index.fr.md:5 · aliases · /association/ is also the address of ${at}/pages/association.fr.md: an alias must be an old address no other page uses: remove it from aliases`,
    // A page at /blog/, and a slug that takes /feeds/.
    `${at}/pages/blog.fr.md · /blog/ (and /en/blog/) is also the address of a page the site makes itself (blog/index.fr.11ty.tsx): that address is taken: rename the file or folder, or set another slug`,
    `${at}/pages/abonnements.fr.md:3 · slug · /feeds/ (and /en/feeds/) is also the address of a page the site makes itself (feeds/index.fr.11ty.tsx): that address is taken: rename the file or folder, or set another slug`,
  ];
  for (const line of expected) assert.ok(lines.includes(line), `expected the line\n  ${line}\nin:\n${run.stderr}`);
  assert.match(run.stderr, /^4 content problems stopped the build:$/m);
  assert.doesNotMatch(run.stderr, /Output conflict|^\s+at .*:\d+:\d+\)?$/m, "no Eleventy conflict report, no stack trace");
  assert.deepEqual(readdirSync(output).filter((f) => f.endsWith(".html") || statSync(path.join(output, f)).isDirectory() && f !== "assets"), [], "no page written");
});
