/**
 * What a writer reads when a link of their Markdown is broken: the file, the
 * line the parser puts the link on, the target as written, and why.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatProblems } from "../core/problems.ts";
import { toProblems } from "./index.ts";
import type { BrokenLink } from "./links.ts";

const FILE = "content/blog/2025/liens/index.fr.md";
const markdown = [
  "---",
  "title: Liens",
  "---",
  "",
  "Introduction.",
  "",
  "| Quoi | Où |",
  "| --- | --- |",
  "| Salle | [plan](/plan-absent/) |",
  "",
  "- Un point",
  "  puis [le compte rendu][cr] sur la deuxième ligne.",
  "",
  "[cr]: /blog/2024/disparu/",
].join("\n");
const link = (raw: string, page = "/blog/2025/liens/"): BrokenLink => ({ page, ref: { raw, via: "a href", offset: 0 }, kind: "missing", target: raw });
const sourceOf = (page: string) => (page === "/layout/" ? { file: "layouts/base.tsx (made by a plugin)", markdown: undefined } : { file: FILE, markdown });

describe("broken links as content problems", () => {
  const problems = toProblems([link("/plan-absent/"), link("/blog/2024/disparu/"), link("/blog/2024/disparu/", "/en/blog/2025/liens/"), link("/absent-du-markdown/")], sourceOf);

  it("names the line of a table row and of a reference's definition, once for both languages", () => {
    assert.deepEqual(
      problems.map((p) => [p.file, p.line, p.field]),
      [
        [FILE, 9, "/plan-absent/"],
        [FILE, 14, "/blog/2024/disparu/"],
        [FILE, undefined, "/absent-du-markdown/"],
      ],
    );
    assert.match(problems[1]!.message, /on \/blog\/2025\/liens\/, \/en\/blog\/2025\/liens\/\)$/);
    assert.match(problems[2]!.message, /made by the layout, not the Markdown/);
  });

  it("reads file:line · field · message", () => {
    assert.equal(
      formatProblems(problems).split("\n")[1],
      `  ${FILE}:9 · /plan-absent/ · leads nowhere: the build wrote nothing at /plan-absent/ (a href on /blog/2025/liens/)`,
    );
  });
});

describe("a link that leads nowhere", () => {
  const pages = ["/", "/blog/", "/blog/2025/nouveau-serveur/", "/blog/2024/choisir-sa-messagerie/", "/en/blog/2025/nouveau-serveur/", "/docs/services/agenda-partage/"];
  const reasons = (...targets: string[]) => toProblems(targets.map((t) => link(t)), sourceOf, pages).map((p) => p.message.replace(/ \(a href .*\)$/, ""));

  it("names the page it probably meant: the same page under another year, or a name a typo away in the same folder, in the link's language", () => {
    assert.deepEqual(reasons("/blog/2024/nouveau-serveur/", "/blog/2025/nouveau-serveur-2/", "/en/blog/2024/nouveau-serveur/", "/blog/2025/choisir-sa-messagerie/"), [
      "leads nowhere: the build wrote nothing at /blog/2024/nouveau-serveur/; did you mean /blog/2025/nouveau-serveur/?",
      "leads nowhere: the build wrote nothing at /blog/2025/nouveau-serveur-2/; did you mean /blog/2025/nouveau-serveur/?",
      "leads nowhere: the build wrote nothing at /en/blog/2024/nouveau-serveur/; did you mean /en/blog/2025/nouveau-serveur/?",
      "leads nowhere: the build wrote nothing at /blog/2025/choisir-sa-messagerie/; did you mean /blog/2024/choisir-sa-messagerie/?",
    ]);
  });

  it("guesses nothing when no page is close", () => {
    assert.deepEqual(reasons("/docs/services/introuvable/"), ["leads nowhere: the build wrote nothing at /docs/services/introuvable/"]);
  });
});
