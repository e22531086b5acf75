import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { createMarkdown } from "./create-markdown.ts";
import { frenchTypography } from "./typography.ts";

const md = createMarkdown({ siteUrl: "https://www.chatons-loire.example", donateUrl: "/soutenir/" });
/** Spaces made visible: "_" narrow no-break, "~" no-break. */
const show = (text: string) => text.replace(/\u202F/g, "_").replace(/\u00A0/g, "~");
// blockTextElements: by default node-html-parser keeps <pre> as raw text; code blocks are asserted on here.
const render = (source: string, env: Record<string, string> = { lang: "fr" }) => parse(md.render(source, env), { blockTextElements: {} });

describe("French typography", () => {
  it("makes the space before ; : ! ? % and inside « » narrow and unbreakable, and binds a number to its unit", () => {
    assert.equal(show(frenchTypography("Vraiment ? Oui ! Voici : « trois » points ; 12 km, 5 Go, 180 € et 10 %.")), "Vraiment_? Oui_! Voici_: «_trois_» points_; 12~km, 5~Go, 180~€ et 10_%.");
  });

  it("adds no space the writer did not type, and keeps their quotes", () => {
    assert.equal(frenchTypography('Il a dit "oui"! 2025'), 'Il a dit "oui"! 2025');
  });

  it("applies to French text across paragraphs, headings, table cells, emphasis and block titles", () => {
    const root = render("## Pourquoi adhérer ?\n\nIl a dit « *très* bien » !\n\n| Quota |\n| --- |\n| 50 Go |\n\n::: note Attention : travaux\nFermé :\n:::");
    assert.equal(show(root.querySelector("h2")!.text), "Pourquoi adhérer_?");
    assert.equal(show(root.querySelector("p")!.text), "Il a dit «_très bien_»_!");
    assert.equal(show(root.querySelector("td")!.text), "50~Go");
    assert.equal(show(root.querySelector(".callout-title")!.text), "Attention_: travaux");
    assert.equal(show(root.querySelectorAll(".callout p")[1]!.text), "Fermé_:");
    assert.equal(root.querySelector("h2")!.id, "pourquoi-adherer", "the heading's id is unchanged");
  });

  it("never touches code, addresses or attributes", () => {
    const root = render("Code `a : b` ; lien https://exemple.org/?q=1 ; <https://exemple.org/a:b>\n\n![Photo : la salle ?](salle.jpg)\n\n```\nx ? y : z\n```");
    assert.equal(root.querySelector("code")!.text, "a : b");
    assert.deepEqual(root.querySelectorAll("a").map((a) => a.text), ["https://exemple.org/?q=1", "https://exemple.org/a:b"]);
    assert.equal(root.querySelector("img")!.getAttribute("alt"), "Photo : la salle ?");
    assert.equal(root.querySelector("pre code")!.text, "x ? y : z\n");
  });

  it("leaves English alone, and follows the text's language on an untranslated copy", () => {
    assert.equal(render("Why ? 12 km", { lang: "en" }).querySelector("p")!.text, "Why ? 12 km");
    assert.equal(show(render("Pourquoi ? 12 km", { lang: "en", contentLang: "fr" }).querySelector("p")!.text), "Pourquoi_? 12~km");
  });
});
