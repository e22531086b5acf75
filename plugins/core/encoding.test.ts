import assert from "node:assert/strict";
import { test } from "node:test";
import { notUtf8 } from "./encoding.ts";

test("a file read as UTF-8 with a character that was not is named at its line, with the words around it", () => {
  // What Node reads from "réunion" saved in Windows-1252: the é byte becomes U+FFFD.
  const text = "---\ntitle: Réunion\n---\n\nLa réunion a eu lieu \uFFFD la Maison des associations de Nantes, comme chaque année.\n";
  const problem = notUtf8(text, "content/blog/x/index.fr.md");
  assert.equal(problem?.line, 5);
  assert.match(problem!.message, /^this file is not saved as UTF-8: in “La réunion a eu lieu \uFFFD la Maison des”, \uFFFD stands for a character that cannot be read/);
  // A YAML file's text starting at a later line of the file (a front matter's, at line 2).
  assert.equal(notUtf8("title: r\uFFFDunion\n", "x.md", 2)?.line, 2);
  assert.equal(notUtf8(text.replace("\uFFFD", "à"), "x.md"), undefined);
});
