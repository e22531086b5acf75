import assert from "node:assert/strict";
import { test } from "node:test";
import { indexedCopy, mainOnly, spaced } from "./indexed-copy.ts";

test("the facts of an event are words of their own once indexed", () => {
  const facts = `<dl><dt>Quand</dt><dd><time>jeudi 10 décembre</time></dd><dt>Tarif</dt><dd>Gratuit</dd></dl><blockquote>Venez</blockquote><p>Fin</p>`;
  assert.equal(spaced(facts), `<dl><dt>Quand</dt> <dd><time>jeudi 10 décembre</time></dd> <dt>Tarif</dt> <dd>Gratuit</dd> </dl> <blockquote>Venez</blockquote> <p>Fin</p>`);
  // Inline elements stay joined: "des <em>mot</em>s" ends with the word "mots".
  assert.equal(spaced("<p>des <em>mot</em>s</p>"), "<p>des <em>mot</em>s</p>");
});

test("the copy has its words apart and ASCII apostrophes in its text", () => {
  assert.equal(indexedCopy("<dl><dt>Où</dt><dd>Dans l’armoire</dd></dl>"), "<dl><dt>Où</dt> <dd>Dans l'armoire</dd> </dl> ");
});

test("Pagefind is given the page's main content and language, not its header and footer", () => {
  const page = (main: string) =>
    `<!doctype html><html lang="fr" dir="ltr"><head><title>Billet</title></head><body><header><nav><a href="/">Accueil</a></nav></header>${main}<footer>Pied</footer></body></html>`;
  const indexed = '<main id="main" data-pagefind-body="" data-pagefind-filter="section:Actualités"><h1>Billet</h1><p>Texte</p></main>';
  assert.equal(mainOnly(page(indexed)), `<!doctype html><html lang="fr" dir="ltr"><body>${indexed}</body></html>`);
  // A page whose <main> is not indexed (a list) is left whole.
  assert.equal(mainOnly(page("<main><h1>Liste</h1></main>")), page("<main><h1>Liste</h1></main>"));
});
