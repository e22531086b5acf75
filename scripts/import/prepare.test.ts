import assert from "node:assert/strict";
import { test } from "node:test";
import { prepareHtml, splitNames, type UrlResolver } from "./prepare.ts";

const keep: UrlResolver = { rewrite: () => undefined, source: () => undefined };
const prepare = (html: string, resolver = keep, base = "https://old.example/blog/2024/x/") => {
  const notes: string[] = [];
  return { ...prepareHtml(html, base, resolver, notes), notes };
};

test("credit lines become translators, revisers and credits, and leave the text", () => {
  const p = prepare("<p>Texte.</p><p>Traduction : Sam Lee et Jo Roux</p><p><em>Relu par Lou.</em></p><p>Photos : Ana Diaz</p>");
  assert.deepEqual(p.translators, ["Sam Lee", "Jo Roux"]);
  assert.deepEqual(p.revisers, ["Lou"]);
  assert.deepEqual(p.credits, [{ work: "Photos", author: "Ana Diaz" }]);
  assert.equal(p.html, "<p>Texte.</p>");
  assert.deepEqual(prepare("<p>Translated by Kim.</p>").translators, ["Kim"]);
  assert.deepEqual(prepare("<p>Our translators met by the river.</p>").translators, [], "a sentence about translators is text");
});

test("names: commas, 'and', 'et' and '&' separate them", () => {
  assert.deepEqual(splitNames("A, B & C and D."), ["A", "B", "C", "D"]);
});

test("a 'not translated yet' notice at the top marks the entry, a mention further down does not", () => {
  const notice = prepare("<p><em>Cet article n’est pas encore traduit ; le voici en anglais.</em></p><p>Text.</p>");
  assert.equal(notice.untranslated, true);
  assert.equal(notice.html, "<p>Text.</p>");
  const later = prepare("<p>1</p><p>2</p><p>3</p><p>4</p><p>This page is not translated yet, said the old site.</p>");
  assert.equal(later.untranslated, false);
});

test("relative and root-relative addresses are resolved against the entry's link before the resolver sees them", () => {
  const seen: string[] = [];
  const p = prepare('<p><a href="../y/">y</a> <a href="/about/">a</a> <a href="#top">t</a> <a href="mailto:a@b.c">m</a><img src="img/p.png" alt="P"></p>', {
    rewrite: (url, kind) => {
      seen.push(`${kind} ${url.href}`);
      return kind === "image" ? "p.png" : undefined;
    },
    source: () => undefined,
  });
  assert.deepEqual(seen, ["link https://old.example/blog/2024/y/", "link https://old.example/about/", "image https://old.example/blog/2024/x/img/p.png"]);
  assert.match(p.html, /href="#top"/);
  assert.match(p.html, /href="mailto:a@b.c"/);
  assert.match(p.html, /src="p.png"/);
});

test("leaked source links go through the resolver; unmatched ones lose their link and are reported", () => {
  const p = prepare('<p><a href="@/blog/a.md">A</a> <a href="/_index.en.md#c">C</a></p>', { rewrite: () => undefined, source: (s) => (s === "@/blog/a.md" ? "../a/" : undefined) });
  assert.equal(p.html, '<p><a href="../a/">A</a> C</p>');
  assert.match(p.notes[0]!, /source file \/_index\.en\.md#c \("C"\) removed/);
});

test("heading shift brings the highest heading to h2", () => {
  assert.equal(prepare("<h1>a</h1><h2>b</h2>").headingShift, 1);
  assert.equal(prepare("<h3>a</h3>").headingShift, -1);
  assert.equal(prepare("<p>none</p>").headingShift, 0);
});

test("event details from schema.org microdata", () => {
  const p = prepare(
    '<div itemscope itemtype="https://schema.org/Event"><meta itemprop="startDate" content="2025-10-04T10:00:00+02:00"><div itemprop="location"><span itemprop="name">Salle Paul-Fort</span><span itemprop="streetAddress">9 rue Basse</span><span itemprop="addressLocality">Nantes</span></div></div>',
  );
  assert.deepEqual(p.event, { start: "2025-10-04T10:00:00+02:00", venue: { name: "Salle Paul-Fort", address: "9 rue Basse", city: "Nantes" } });
});
