import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildTree, neighbours, readingOrder, trail, type DocEntry } from "./tree.ts";

const page = (bundle: string, title: string, order?: number): DocEntry => ({ bundle, title, url: `/${bundle}/`, order });

const ENTRIES: DocEntry[] = [
  page("docs/services/agenda", "Agenda partagé"),
  page("docs/ecrire/traduire", "Traduire une page", 3),
  page("docs", "Documentation"),
  page("docs/ecrire", "Écrire", 1),
  page("docs/services", "Services", 2),
  page("docs/ecrire/article", "Publier un article", 1),
  page("docs/ecrire/evenement", "Créer un événement"),
  page("docs/ecrire/images", "Images et blocs"),
  page("blog/2025/ag", "Pas de la documentation"),
];

const titles = (nodes: { title: string }[]) => nodes.map((n) => n.title);

describe("the docs tree", () => {
  const tree = buildTree(ENTRIES, { locale: "fr-FR" });

  test("nests pages under their folder's index page and ignores other sections", () => {
    assert.equal(tree.title, "Documentation");
    assert.deepEqual(titles(tree.children), ["Écrire", "Services"]);
    assert.deepEqual(titles(tree.children[1]!.children), ["Agenda partagé"]);
    assert.equal(tree.children[0]!.children[0]!.depth, 2);
  });

  test("orders siblings by order, then pages without one by title, accents collated as letters", () => {
    assert.deepEqual(titles(tree.children[0]!.children), ["Publier un article", "Traduire une page", "Créer un événement", "Images et blocs"]);
    const unordered = buildTree([page("docs/b", "Éditer"), page("docs/a", "Zèbre"), page("docs/c", "Arbre")], { locale: "fr-FR" });
    assert.deepEqual(titles(unordered.children), ["Arbre", "Éditer", "Zèbre"]);
  });

  test("reading order goes through a section's pages before the next section", () => {
    assert.deepEqual(titles(readingOrder(tree)), [
      "Documentation",
      "Écrire",
      "Publier un article",
      "Traduire une page",
      "Créer un événement",
      "Images et blocs",
      "Services",
      "Agenda partagé",
    ]);
  });

  test("previous and next cross section boundaries", () => {
    const last = neighbours(tree, "docs/ecrire/images");
    assert.equal(last.previous?.title, "Créer un événement");
    assert.equal(last.next?.title, "Services");
    const first = neighbours(tree, "docs");
    assert.equal(first.previous, undefined);
    assert.equal(first.next?.title, "Écrire");
    assert.equal(neighbours(tree, "docs/services/agenda").next, undefined);
    assert.deepEqual(neighbours(tree, "docs/nowhere"), { previous: undefined, next: undefined });
  });

  test("the trail runs from the docs home to the page", () => {
    assert.deepEqual(titles(trail(tree, "docs/ecrire/traduire")), ["Documentation", "Écrire", "Traduire une page"]);
    assert.deepEqual(titles(trail(tree, "docs")), ["Documentation"]);
    assert.deepEqual(trail(tree, "docs/nowhere"), []);
  });

  test("a folder without an index page keeps its pages, under its folder name and without a link", () => {
    const orphan = buildTree([page("docs", "Documentation"), page("docs/guides/install", "Installer")], { locale: "en-GB" });
    const folder = orphan.children[0]!;
    assert.equal(folder.title, "guides");
    assert.equal(folder.url, undefined);
    assert.deepEqual(titles(folder.children), ["Installer"]);
    // Prev/next skip the folder: there is no page to go to.
    assert.equal(neighbours(orphan, "docs/guides/install").previous?.title, "Documentation");
  });

  test("an untranslated copy is marked as such", () => {
    const mixed = buildTree([page("docs", "Documentation"), { ...page("docs/a", "Écrire"), untranslated: true }], { locale: "en-GB" });
    assert.equal(mixed.children[0]!.untranslated, true);
    assert.equal(mixed.untranslated, false);
  });
});
