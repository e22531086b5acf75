import assert from "node:assert/strict";
import { test } from "node:test";
import { h } from "preact";
import { toHtml } from "./index.ts";

test("a whole document gets its doctype and HTML void elements, attribute values kept whole", () => {
  const page = h("html", { lang: "fr" }, h("head", {}, h("meta", { charset: "utf-8" }), h("meta", { property: "og:title", content: 'Un titre avec />, > et "guillemets"' }), h("link", { rel: "stylesheet", href: "/assets/site.css" })), h("body", {}, h("p", {}, "Une ligne", h("br", {}), "une autre"), h("img", { src: "/img/a.jpg", alt: "" })));
  assert.equal(
    toHtml(page),
    '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><meta property="og:title" content="Un titre avec />, > et &quot;guillemets&quot;"><link rel="stylesheet" href="/assets/site.css"></head><body><p>Une ligne<br>une autre</p><img src="/img/a.jpg" alt></body></html>',
  );
});

test("text that only looks like a self-closed tag is left as written", () => {
  assert.equal(toHtml(h("pre", {}, "<br/> and <meta/>")), "<pre>&lt;br/> and &lt;meta/></pre>");
  assert.equal(toHtml("<br/> from a string template"), "<br/> from a string template");
});
