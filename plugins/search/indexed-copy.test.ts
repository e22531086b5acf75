import assert from "node:assert/strict";
import { test } from "node:test";
import { indexedCopy, spaced } from "./indexed-copy.ts";

test("the facts of an event are words of their own once indexed", () => {
  const facts = `<dl><dt>Quand</dt><dd><time>jeudi 10 décembre</time></dd><dt>Tarif</dt><dd>Gratuit</dd></dl><blockquote>Venez</blockquote><p>Fin</p>`;
  assert.equal(spaced(facts), `<dl><dt>Quand</dt> <dd><time>jeudi 10 décembre</time></dd> <dt>Tarif</dt> <dd>Gratuit</dd> </dl> <blockquote>Venez</blockquote> <p>Fin</p>`);
  // Inline elements stay joined: "des <em>mot</em>s" ends with the word "mots".
  assert.equal(spaced("<p>des <em>mot</em>s</p>"), "<p>des <em>mot</em>s</p>");
});

test("the copy has its words apart and ASCII apostrophes in its text", () => {
  assert.equal(indexedCopy("<dl><dt>Où</dt><dd>Dans l’armoire</dd></dl>"), "<dl><dt>Où</dt> <dd>Dans l'armoire</dd> </dl> ");
});
