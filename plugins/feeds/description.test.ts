import assert from "node:assert/strict";
import { test } from "node:test";
import { descriptionOf, MAX_DESCRIPTION } from "./description.ts";

test("the first paragraph of the text, as plain text", () => {
  const html = `<figure><img src="a.jpg" alt=""><figcaption><p>Légende</p></figcaption></figure>\n<p>Nous avons migré <strong>quarante</strong> associations.</p>\n<p>Second paragraphe.</p>`;
  assert.equal(descriptionOf(html), "Nous avons migré quarante associations.");
});

test("the writer's excerpt when the post marks one", () => {
  const html = `<p>Premier.</p>\n<p>Deuxième.</p>\n<!-- more -->\n<p>Suite.</p>`;
  assert.equal(descriptionOf(html), "Premier. Deuxième.");
});

test("a long paragraph is cut at a word, with an ellipsis", () => {
  const words = Array.from({ length: 120 }, (_, i) => `mot${i}`).join(" ");
  const description = descriptionOf(`<p>${words}</p>`)!;
  assert.ok(description.length <= MAX_DESCRIPTION + 1, String(description.length));
  assert.match(description, /mot\d+…$/);
});

test("nothing to describe gives undefined", () => {
  assert.equal(descriptionOf(""), undefined);
});

test("a paragraph inside a list, a quote or a table is not the text's first; entities are decoded", () => {
  const html = `<ul><li><p>Point</p></li></ul><blockquote><p>Citation</p></blockquote><table><tr><td><p>Cellule</p></td></tr></table><p>L&#39;assemblée &amp; le <a href="/x/">bureau</a>.</p><p>Après.</p>`;
  assert.equal(descriptionOf(html), "L'assemblée & le bureau.");
});

test("without a paragraph of its own, all the text", () => {
  assert.equal(descriptionOf(`<figure><figcaption>Une photo</figcaption></figure>`), "Une photo");
});
