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
