/**
 * Links written to another page's Markdown file, as an editor completes them
 * and Gitea's file view follows them (fixture source-links): each leads to
 * that page, in the language of the page that links, wherever its slug puts
 * it; one to a draft or to no file stops the build at its line.
 */
import assert from "node:assert/strict";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "node-html-parser";
import { buildFailure, buildSite, contentWorkFolder, fixtureDir, type BuiltSite } from "../helpers/build.ts";

const POST = "blog/2025/atelier-sauvegardes/";
const SITE_URL = "https://www.chatons-loire.example";

describe("links to Markdown files", () => {
  let site: BuiltSite;
  const links = (file: string) =>
    parse(site.read(file))
      .querySelectorAll("main .prose p a")
      .map((a) => [a.text, a.getAttribute("href")]);

  before(async () => {
    site = await buildSite({ fixture: "source-links", now: "2026-01-10T12:00" });
  });

  test("lead to the page made from the file, at its slug, with the anchor written", () => {
    assert.deepEqual(links(`${POST}index.html`), [
      ["le bilan de l’année", "/blog/2025/bilan-2025/#sauvegardes"],
      ["adhérez", "/adherer/"],
    ]);
  });

  test("lead to the page in the language of the page that links, even when the file named is the French one", () => {
    assert.deepEqual(links(`en/${POST}index.html`), [
      ["the year in review", "/en/blog/2025/bilan-2025/#sauvegardes"],
      ["join us", "/en/adherer/"],
    ]);
    assert.ok(site.exists("en/blog/2025/bilan-2025/index.html"), "the English copy of the untranslated review is the page linked to");
  });

  test("reach feed readers as the page's absolute URL", () => {
    assert.match(site.read("feed.xml"), new RegExp(`href="${SITE_URL}/blog/2025/bilan-2025/#sauvegardes"`));
  });
});

describe("links of a writer's Markdown that lead nowhere", () => {
  const work = contentWorkFolder("source-links");
  const post = path.join(work, POST, "index.fr.md");
  after(() => rmSync(work, { recursive: true, force: true }));

  test("stops the build at its line: a draft is named as one, a wrong name as a missing file, a wrong anchor by its line (and a preview's address)", async () => {
    cpSync(path.join(fixtureDir("source-links"), "content"), work, { recursive: true });
    writeFileSync(
      post,
      [
        "---",
        "title: Atelier sauvegardes",
        "date: 2025-11-15T14:00",
        'summary: "Un après-midi pour apprendre à sauvegarder ses fichiers."',
        "authors: [Sophie Lemaire]",
        "tags: [sauvegardes]",
        "---",
        "",
        "Le compte rendu [est en cours d’écriture](../brouillon/index.fr.md).",
        "",
        "Voir aussi [le bilan](../bilan/index.fr.md) et [ses sauvegardes](../bilan-annuel/index.fr.md#sauvegarde).",
        "",
        "Et [le bilan](http://localhost:8080/blog/2025/bilan-2025/), copié de l’aperçu.",
        "",
      ].join("\n"),
    );
    const error = await buildFailure({ input: work, now: "2026-01-10T12:00" });
    const file = path.relative(process.cwd(), post).split(path.sep).join("/");
    const mine = error.problems.filter((p) => p.file === file);
    assert.deepEqual(
      mine.map((p) => `${p.line} · ${p.field}`),
      ["9 · ../brouillon/index.fr.md", "11 · ../bilan/index.fr.md", "11 · /blog/2025/bilan-2025/#sauvegarde", "13 · http://localhost:8080/blog/2025/bilan-2025/"],
      error.message,
    );
    const folder = path.dirname(file);
    assert.match(mine[0]!.message, new RegExp(`^leads nowhere: ${path.join(path.dirname(folder), "brouillon")}/index\\.fr\\.md makes no page in this build \\(a draft, or dated in the future\\)`));
    assert.match(mine[1]!.message, new RegExp(`^leads nowhere: there is no file ${path.join(path.dirname(folder), "bilan")}/index\\.fr\\.md`));
    assert.match(mine[2]!.message, /^no element with id "sauvegarde" in \/blog\/2025\/bilan-2025\//);
    // A link copied from npm start's address bar: no visitor could follow it.
    assert.match(mine[3]!.message, /^leads to a preview on the computer that built it .*: write the address from the site's root, \/blog\/2025\/bilan-2025\/ \(a href on \/blog\/2025\/atelier-sauvegardes\/\)$/);
  });
});
