import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse as parseHtml } from "node-html-parser";

// By default node-html-parser keeps <pre> as raw text; code blocks are asserted on here.
const parse = (text: string) => parseHtml(text, { blockTextElements: { script: true, style: true } });
import { createMarkdown } from "./create-markdown.ts";
import { localizePath } from "./env.ts";
import { parseMarkdownOptions } from "./options.ts";

const SITE = "https://www.chatons-loire.example";
const md = createMarkdown({ siteUrl: SITE, donateUrl: "/soutenir/" });
const html = (source: string, lang = "fr") => parse(md.render(source, { lang }));

describe("headings", () => {
  it("get a stable ASCII id from French text, and an anchor link after them", () => {
    const root = html("## Assemblée générale\n\n### Questions & réponses\n\n## JavaScript côté serveur");
    const ids = root.querySelectorAll("h2, h3").map((h) => h.id);
    assert.deepEqual(ids, ["assemblee-generale", "questions-reponses", "javascript-cote-serveur"]);
    const link = root.querySelector(".heading > h2 + a.heading-anchor")!;
    assert.equal(link.getAttribute("href"), "#assemblee-generale");
  });

  it("name their anchor link with visually hidden text in the page's language", () => {
    const fr = html("## Assemblée générale").querySelector(".heading-anchor .visually-hidden")!;
    assert.equal(fr.text, "Lien vers la section «\u00a0Assemblée générale\u00a0»");
    const en = html("## General assembly", "en").querySelector(".heading-anchor .visually-hidden")!;
    assert.equal(en.text, "Link to the section “General assembly”");
    // The "#" is decoration: hidden from screen readers, which read the text above.
    assert.equal(html("## X").querySelector('.heading-anchor [aria-hidden="true"]')!.text, "#");
  });

  it("keep ids unique within a page, and leave the page title (h1) to the layout", () => {
    const root = html("# Titre\n\n## Budget\n\n## Budget");
    assert.equal(root.querySelector("h1")!.getAttribute("id"), undefined);
    assert.deepEqual(root.querySelectorAll("h2").map((h) => h.id), ["budget", "budget-1"]);
  });
});

describe("footnotes", () => {
  const source = "Le budget[^b] est voté[^v].\n\n[^b]: Voir le rapport.\n[^v]: À l’unanimité.";

  it("link each reference to its note and back, described by the notes heading", () => {
    const root = html(source);
    const refs = root.querySelectorAll("sup.footnote-ref a");
    assert.deepEqual(refs.map((a) => [a.getAttribute("href"), a.id, a.text]), [
      ["#fn1", "fnref1", "1"],
      ["#fn2", "fnref2", "2"],
    ]);
    assert.equal(refs[0]!.getAttribute("aria-describedby"), "footnotes-label");
    assert.equal(root.querySelector("section.footnotes > h2#footnotes-label.visually-hidden")!.text, "Notes");
    assert.deepEqual(root.querySelectorAll("li.footnote-item").map((li) => li.id), ["fn1", "fn2"]);
  });

  it("label the section and the back links in each language", () => {
    const fr = html(source).querySelector(".footnote-backref")!;
    assert.equal(fr.getAttribute("href"), "#fnref1");
    assert.equal(fr.getAttribute("aria-label"), "Retour à l’appel de note 1");
    const en = html(source, "en");
    assert.equal(en.querySelector("#footnotes-label")!.text, "Footnotes");
    assert.equal(en.querySelector(".footnote-backref")!.getAttribute("aria-label"), "Back to reference 1");
  });
});

describe("tables", () => {
  const table = (head: string) => `| ${head} | Montant |\n| --- | ---: |\n| Dons | 1 200 € |\n`;

  it("sit in a focusable, named region that scrolls on narrow screens", () => {
    const region = html(table("Recette")).querySelector("section.table-scroll")!;
    assert.equal(region.getAttribute("tabindex"), "0");
    assert.equal(region.getAttribute("aria-label"), "Tableau 1\u00a0: Recette, Montant");
    assert.ok(region.querySelector("table > thead > tr > th"));
  });

  it("align columns with classes, never an inline style the CSP would refuse", () => {
    const root = html("| Poste | Quantité | Note |\n| :--- | :---: | ---: |\n| Serveur | 2 | ok |\n");
    assert.deepEqual(root.querySelectorAll("th, td").map((c) => c.getAttribute("class") ?? ""), [
      "align-left", "align-center", "align-right", "align-left", "align-center", "align-right",
    ]);
    assert.doesNotMatch(root.toString(), /style=/);
  });

  it("get distinct names, in the page's language", () => {
    const labels = html(`${table("Recette")}\n${table("Recette")}`, "en")
      .querySelectorAll(".table-scroll")
      .map((r) => r.getAttribute("aria-label"));
    assert.deepEqual(labels, ["Table 1: Recette, Montant", "Table 2: Recette, Montant"]);
  });
});

describe("definition lists", () => {
  it("render FAQ-style terms and answers as <dl>", () => {
    const root = html("Adhésion\n: 10 € par an, 5 € pour les petits budgets.\n\nHébergement\n: Nextcloud et *PeerTube*.\n");
    assert.deepEqual(root.querySelectorAll("dl > dt").map((d) => d.text), ["Adhésion", "Hébergement"]);
    assert.equal(root.querySelectorAll("dl > dd")[1]!.innerHTML.trim(), "Nextcloud et <em>PeerTube</em>.");
  });
});

describe("explicit heading ids", () => {
  it("take the writer's {#id} instead of the slug, and leave it out of the text", () => {
    const root = html("## Faire un don {#faire-un-don}\n\n## Nous soutenir autrement {#don}");
    const headings = root.querySelectorAll("h2");
    assert.deepEqual(headings.map((h) => [h.id, h.text]), [["faire-un-don", "Faire un don"], ["don", "Nous soutenir autrement"]]);
    assert.equal(root.querySelectorAll(".heading-anchor")[1]!.getAttribute("href"), "#don");
  });

  it("leave braces that are not an id as text", () => {
    const root = html("## Les gabarits {% if %}\n\nLe texte {#pas-un-titre}");
    assert.equal(root.querySelector("h2")!.id, "les-gabarits-if");
    assert.match(root.querySelector("p")!.text, /\{#pas-un-titre\}/);
  });
});

describe("figures", () => {
  it("turn a lone image with a title into a figure captioned by that title", () => {
    const root = html('![Des mains levées](vote.jpg "Le vote du budget, photo [Léa](https://lea.example)")');
    const figure = root.querySelector("figure")!;
    const img = figure.querySelector("img")!;
    assert.equal(img.getAttribute("alt"), "Des mains levées");
    assert.equal(img.getAttribute("title"), undefined, "the caption is not repeated as a title");
    const caption = figure.querySelector("figcaption")!;
    assert.equal(caption.text, "Le vote du budget, photo Léa");
    assert.equal(caption.querySelector("a")!.getAttribute("rel"), "noopener noreferrer");
    assert.equal(root.querySelector("p"), null, "no paragraph around the figure");
  });

  it("keep both the caption and the link of a linked image", () => {
    const root = html('[![L’affiche de l’install party](affiche.jpg "Install party du 12 avril")](https://agenda.example.org/ip)');
    const figure = root.querySelector("figure")!;
    const link = figure.querySelector("a")!;
    assert.equal(link.getAttribute("href"), "https://agenda.example.org/ip");
    assert.equal(link.querySelector("img")!.getAttribute("alt"), "L’affiche de l’install party");
    assert.equal(link.querySelector("img")!.getAttribute("title"), undefined);
    assert.equal(figure.querySelector("figcaption")!.text, "Install party du 12\u00a0avril");
    assert.equal(link.querySelector("figcaption"), null, "the caption sits outside the link");
  });

  it("leave images without a title, or among text, inline", () => {
    assert.equal(html("![Salle](salle.jpg)").querySelector("p > img")!.getAttribute("src"), "salle.jpg");
    assert.equal(html('Voici ![Salle](salle.jpg "La salle") la salle.').querySelector("figure"), null);
  });
});

describe("links", () => {
  it("mark links to other hosts noopener noreferrer, and only those", () => {
    const root = html(
      `[a](https://framasoft.org) [b](${SITE}/association/) [c](/blog/) [d](//cdn.example/x) <https://chatons.org> https://april.org [e](mailto:x@y.example)`,
    );
    const rel = Object.fromEntries(root.querySelectorAll("a").map((a) => [a.text, a.getAttribute("rel") ?? ""]));
    assert.deepEqual(rel, {
      a: "noopener noreferrer",
      b: "",
      c: "",
      d: "noopener noreferrer",
      "https://chatons.org": "noopener noreferrer",
      "https://april.org": "noopener noreferrer",
      e: "",
    });
  });

  it("write a # inside an address's fragment as %23: a Matrix room shared from Element is a valid link", () => {
    const root = html("[le salon](https://matrix.to/#/#entraide:chatons.example), https://matrix.to/#/#aide:chatons.example et [l’étape](#installer)");
    assert.deepEqual(
      root.querySelectorAll("a").map((a) => a.getAttribute("href")),
      ["https://matrix.to/#/%23entraide:chatons.example", "https://matrix.to/#/%23aide:chatons.example", "#installer"],
    );
  });
});

describe("autolinks", () => {
  it("link pasted addresses with their scheme, and leave file names and logins as text", () => {
    const root = html("Voir https://chatons.org, éditez index.fr.md, puis ssh admin@serveur.example.");
    assert.deepEqual(root.querySelectorAll("a").map((a) => a.getAttribute("href")), ["https://chatons.org"]);
  });

  it("leave indented text as text: only fences make code", () => {
    assert.equal(html("Liste :\n\n    pas du code").querySelector("pre"), null);
  });
});

describe("code and template syntax", () => {
  const source = [
    "Écrivez `{{ title }}` ou {{ title }} et {% if draft %}, tel quel.",
    "",
    "```liquid",
    "{% for post in collections.blog %}{{ post.data.title }}{% endfor %}",
    "```",
    "",
    "```js",
    'const site = { name: "Chatons" }; // commentaire',
    "```",
    "",
    "```inconnu",
    "<b>pas du HTML</b>",
    "```",
  ].join("\n");

  it("highlights code at build time with classes, never inline styles", () => {
    const out = md.render(source, { lang: "fr" });
    const root = parse(out);
    const js = root.querySelector("pre.code-block > code.language-js")!;
    assert.ok(js.querySelector(".hljs-keyword"), "keywords are classed");
    assert.ok(js.querySelector(".hljs-comment"), "comments are classed");
    assert.equal(root.querySelector("pre.code-block")!.getAttribute("tabindex"), "0");
    assert.doesNotMatch(out, /\sstyle=/);
  });

  it("keeps {{ }} and {% %} as literal text, in prose and in code", () => {
    const root = html(source);
    assert.match(root.querySelector("p")!.text, /\{\{ title \}\} et \{% if draft %\}/);
    assert.equal(root.querySelector("p code")!.text, "{{ title }}");
    const liquid = root.querySelectorAll("pre code")[0]!.text;
    assert.equal(liquid, "{% for post in collections.blog %}{{ post.data.title }}{% endfor %}\n");
  });

  it("escapes code in an unknown language instead of guessing", () => {
    const code = html(source).querySelectorAll("pre code")[2]!;
    assert.equal(code.querySelector("b"), null);
    assert.equal(code.text, "<b>pas du HTML</b>\n");
  });
});

describe("languages and options", () => {
  it("fall back to the default language's words for a language without a table", () => {
    assert.equal(html("::: note\nx\n:::", "de").querySelector(".callout-title")!.text, "Remarque");
  });

  it("let a site add a language, key by key over the default one", () => {
    const de = createMarkdown({ siteUrl: SITE, strings: { de: { note: "Hinweis" } } });
    const root = parse(de.render("::: note\nx\n:::\n\n::: tip\ny\n:::", { lang: "de" }));
    assert.deepEqual(root.querySelectorAll(".callout-title").map((t) => t.text), ["Hinweis", "Astuce"]);
  });

  it("refuse wrong options at registration, naming the plugin and the option", () => {
    assert.throws(() => parseMarkdownOptions({ siteUrl: "not a url" }), /\[markdown plugin\][\s\S]*siteUrl/);
    assert.throws(() => parseMarkdownOptions({ siteUrl: SITE, peertubeHost: [] }), /peertubeHost/);
    assert.throws(() => parseMarkdownOptions({ siteUrl: SITE, peertubeHosts: ["https://x.org"] }), /peertubeHosts\.0/);
  });

  it("prefix site-absolute paths with the page's language, except the default one", () => {
    assert.equal(localizePath("/soutenir/", "fr", "fr"), "/soutenir/");
    assert.equal(localizePath("/soutenir/", "en", "fr"), "/en/soutenir/");
    assert.equal(localizePath("/association/#soutenir", "en", "fr"), "/en/association/#soutenir");
    assert.equal(localizePath("/en/soutenir/", "en", "fr"), "/en/soutenir/");
    assert.equal(localizePath("https://liberapay.com/x", "en", "fr"), "https://liberapay.com/x");
  });
});

describe("heading ids", () => {
  it("prefixes an id that would start with a digit", () => {
    const md = createMarkdown(parseMarkdownOptions({ siteUrl: "https://www.chatons-loire.example", donateUrl: "/soutenir/" }));
    assert.match(md.render("## 1. Créer le fichier\n", { lang: "fr" }), /<h2[^>]* id="section-1-creer-le-fichier"/);
  });
});

describe("image loading", () => {
  const render = (src: string, env: Record<string, unknown> = {}) =>
    createMarkdown(parseMarkdownOptions({ siteUrl: "https://www.chatons-loire.example", donateUrl: "/soutenir/" })).render(src, { lang: "fr", ...env });

  it("loads the first image eagerly when it is near the top of the text", () => {
    const html = render("Intro.\n\n![Une salle](salle.jpg)\n\n![Des tables](tables.jpg)\n");
    assert.match(html, /<img src="salle\.jpg" alt="Une salle" loading="eager" fetchpriority="high">/);
    assert.doesNotMatch(html, /tables\.jpg"[^>]*loading="eager"/);
  });

  it("leaves images further down, or under a lead image, to lazy loading", () => {
    assert.doesNotMatch(render("Un.\n\nDeux.\n\nTrois.\n\nQuatre.\n\n![Une salle](salle.jpg)\n"), /loading="eager"/);
    assert.doesNotMatch(render("![Une salle](salle.jpg)\n", { leadImage: true }), /loading="eager"/);
  });
});
