import assert from "node:assert/strict";
import { test } from "node:test";
import { asciiApostrophes } from "./apostrophes.ts";

test("elisions and possessives get an ASCII apostrophe, so Pagefind splits the French ones", () => {
  assert.equal(asciiApostrophes("<p>Dans l’armoire, qu’on range aujourd’hui</p>"), "<p>Dans l'armoire, qu'on range aujourd'hui</p>");
  assert.equal(asciiApostrophes("<h1>L’association’s guides</h1>"), "<h1>L'association's guides</h1>");
});

test("tags, attributes and quotation marks keep their characters", () => {
  const html = `<img alt="l’image" src="a.jpg"><p title="d’accord">‘Hello’ et « l’été »</p>`;
  assert.equal(asciiApostrophes(html), `<img alt="l’image" src="a.jpg"><p title="d’accord">‘Hello’ et « l'été »</p>`);
  assert.equal(asciiApostrophes("<p>rien à changer</p>"), "<p>rien à changer</p>");
});

test("letters beyond the basic plane count, and a < that opens no tag is text", () => {
  assert.equal(asciiApostrophes("<p>𝒜’b et a’𝒜</p>"), "<p>𝒜'b et a'𝒜</p>");
  assert.equal(asciiApostrophes("2 < 3, l’écart"), "2 < 3, l'écart");
  assert.equal(asciiApostrophes("<a title=\"l’x\">l’y</a> ’a a’ l’<b>a</b>"), "<a title=\"l’x\">l'y</a> ’a a’ l’<b>a</b>");
});
