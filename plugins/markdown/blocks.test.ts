import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse as parseHtml } from "node-html-parser";

// By default node-html-parser keeps <pre> as raw text; code blocks are asserted on here.
const parse = (text: string) => parseHtml(text, { blockTextElements: { script: true, style: true } });
import { ContentError } from "../core/problems.ts";
import { createMarkdown } from "./create-markdown.ts";
import { parsePeerTubeUrl } from "./peertube.ts";

const SITE = "https://www.chatons-loire.example";
const md = createMarkdown({ siteUrl: SITE, donateUrl: "/soutenir/", peertubeHosts: ["video.example.org"] });
const html = (source: string, lang = "fr") => parse(md.render(source, { lang, file: "content/blog/x/index.fr.md" }));

describe("callouts", () => {
  const titles = { note: ["Remarque", "Note"], tip: ["Astuce", "Tip"], warning: ["Attention", "Warning"] } as const;

  for (const [kind, [fr, en]] of Object.entries(titles)) {
    it(`::: ${kind} is a note aside titled "${fr}" / "${en}"`, () => {
      const source = `::: ${kind}\nLe **local** est au 2e étage.\n:::`;
      const aside = html(source).querySelector(`aside.callout.callout-${kind}`)!;
      assert.equal(aside.getAttribute("role"), "note");
      assert.equal(aside.querySelector(".callout-title")!.text, fr);
      assert.equal(aside.querySelector("p:not(.callout-title) strong")!.text, "local");
      assert.equal(html(source, "en").querySelector(".callout-title")!.text, en);
    });

    it(`> [!${kind.toUpperCase()}] renders the same callout`, () => {
      const aside = html(`> [!${kind.toUpperCase()}]\n> Le local est au 2e étage.`, "en").querySelector("aside.callout")!;
      assert.equal(aside.classList.contains(`callout-${kind}`), true);
      assert.equal(aside.getAttribute("role"), "note");
      assert.equal(aside.querySelector(".callout-title")!.text, en);
      assert.deepEqual(aside.querySelectorAll("p").map((p) => p.text), [en, "Le local est au 2e étage."]);
    });
  }

  it("take a custom title after the kind, with inline Markdown", () => {
    const title = html("::: warning Travaux *en cours*\nCoupure samedi.\n:::").querySelector(".callout-title")!;
    assert.equal(title.innerHTML, "Travaux <em>en cours</em>");
  });

  it("leave ordinary blockquotes and unknown alerts alone", () => {
    const root = html("> Une citation.\n\n> [!CAUTION]\n> Pas une alerte connue.");
    assert.equal(root.querySelectorAll("blockquote").length, 2);
    assert.equal(root.querySelector("aside"), null);
  });

  it("keep blocks nested inside a GitHub alert", () => {
    const aside = html("> [!note] Lisez ceci.\n>\n> - un\n> - deux").querySelector("aside.callout-note")!;
    assert.equal(aside.querySelectorAll("li").length, 2);
    assert.equal(aside.querySelector("p:not(.callout-title)")!.text, "Lisez ceci.");
  });
});

describe("details", () => {
  it("::: details Question? is a disclosure whose summary is the question", () => {
    const source = "::: details Combien coûte l’adhésion ?\nC’est **prix libre**.\n:::\n\n::: details Et les données ?\nEn France.\n:::";
    const details = html(source).querySelectorAll("details");
    assert.deepEqual(details.map((d) => d.querySelector("summary")!.text), ["Combien coûte l’adhésion\u202f?", "Et les données\u202f?"]);
    assert.equal(details[0]!.querySelector("summary + p strong")!.text, "prix libre");
  });

  it("falls back to a localized summary without a question", () => {
    assert.equal(html("::: details\nx\n:::", "en").querySelector("summary")!.text, "Details");
  });
});

describe("donate", () => {
  const source = "::: donate\nL’association vit de vos dons.\n:::";

  it("ends with a button to the donate page of the page's language", () => {
    const fr = html(source).querySelector("div.donate")!;
    assert.equal(fr.querySelector("p")!.text, "L’association vit de vos dons.");
    const button = fr.querySelector(".donate-action a.donate-button")!;
    assert.deepEqual([button.getAttribute("href"), button.text], ["/soutenir/", "Nous soutenir"]);
    const en = html(source, "en").querySelector("a.donate-button")!;
    assert.deepEqual([en.getAttribute("href"), en.text], ["/en/soutenir/", "Support us"]);
  });

  it("takes the button text after the name, and full URLs as they are", () => {
    const ext = createMarkdown({ siteUrl: SITE, donateUrl: "https://liberapay.com/chatons" });
    const button = parse(ext.render("::: donate Faire un don\nMerci.\n:::", { lang: "en" })).querySelector("a.donate-button")!;
    assert.deepEqual([button.getAttribute("href"), button.text], ["https://liberapay.com/chatons", "Faire un don"]);
  });

  it("can point to another form, with its own label, as an external link", () => {
    const root = html('::: donate https://soutien.example.org/campagne-2025 "Soutenir la *campagne*"\nChaque euro compte.\n:::', "en");
    const button = root.querySelector("a.donate-button")!;
    assert.equal(button.getAttribute("href"), "https://soutien.example.org/campagne-2025", "no /en/ prefix on another site's form");
    assert.equal(button.innerHTML, "Soutenir la <em>campagne</em>");
    assert.equal(button.getAttribute("rel"), "noopener noreferrer");
    const plain = html("::: donate https://soutien.example.org/x\nMerci.\n:::").querySelector("a.donate-button")!;
    assert.equal(plain.text, "Nous soutenir", "without a label, the default words");
    // The site needs no donateUrl for a block that brings its own form.
    const bare = createMarkdown({ siteUrl: SITE });
    assert.match(bare.render("::: donate https://soutien.example.org/x\nMerci.\n:::", { lang: "fr" }), /soutien\.example\.org/);
  });

  it("is a content error naming the file when the site has no donateUrl", () => {
    const bare = createMarkdown({ siteUrl: SITE });
    assert.throws(
      () => bare.render(source, { lang: "fr", file: "content/pages/association.fr.md" }),
      (error: unknown) => error instanceof ContentError && error.problems[0]!.file === "content/pages/association.fr.md",
    );
  });
});

describe("PeerTube", () => {
  const source = '::: peertube https://video.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv?start=1m30s "Notre AG 2025"\n:::\n\nSuite du texte.';

  it("renders a link card that loads nothing from the video's host", () => {
    const out = md.render(source, { lang: "fr" });
    const root = parse(out);
    const card = root.querySelector("div.peertube")!;
    assert.equal(root.querySelectorAll("iframe, img, video, script, object, embed").length, 0);
    // No attribute makes the browser fetch from the host: the only mention outside
    // the link's href is in data- attributes, which browsers never load.
    for (const el of root.querySelectorAll("*")) {
      for (const [name, value] of Object.entries(el.attributes)) {
        if (value.includes("video.example.org")) assert.ok(name === "href" || name.startsWith("data-"), `${name} on <${el.tagName}>`);
      }
    }
    const link = card.querySelector("a.peertube-link")!;
    assert.equal(link.getAttribute("href"), "https://video.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv?start=1m30s");
    assert.equal(link.getAttribute("rel"), "noopener noreferrer");
    assert.equal(link.text, "Notre AG 2025 Regarder sur PeerTube");
    assert.match(card.querySelector(".peertube-note")!.text, /video\.example\.org/);
    assert.equal(card.getAttribute("data-peertube-embed"), "https://video.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv?autoplay=1&start=1m30s");
    assert.equal(card.getAttribute("data-peertube-play"), "Lire la vidéo ici");
    assert.equal(root.querySelector("div.peertube + p")!.text, "Suite du texte.", "the optional closing ::: is swallowed");
  });

  it("speaks the page's language", () => {
    const card = html(source, "en").querySelector(".peertube")!;
    assert.equal(card.querySelector(".peertube-action")!.text, "Watch on PeerTube");
    assert.equal(card.getAttribute("data-peertube-play"), "Play the video here");
  });

  it("understands the addresses PeerTube's share dialog gives", () => {
    const embed = (url: string) => parsePeerTubeUrl(url)?.embedUrl;
    assert.equal(embed("https://v.example/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d"), "https://v.example/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?autoplay=1");
    assert.equal(embed("https://v.example/w/p/abc"), "https://v.example/video-playlists/embed/abc?autoplay=1");
    assert.equal(embed("https://v.example/videos/embed/abc"), "https://v.example/videos/embed/abc?autoplay=1");
    assert.equal(embed("http://v.example/w/abc"), undefined, "https only");
    assert.equal(embed("https://v.example/about"), undefined);
  });

  it("is a content error for an address that is not a video, or a host not allowed", () => {
    const fails = (text: string, pattern: RegExp) =>
      assert.throws(() => md.render(text, { lang: "fr", file: "content/blog/x/index.fr.md" }), (error: unknown) => {
        assert.ok(error instanceof ContentError);
        assert.equal(error.problems[0]!.file, "content/blog/x/index.fr.md");
        assert.match(error.message, pattern);
        return true;
      });
    fails("::: peertube https://video.example.org/about", /PeerTube video/);
    fails('::: peertube https://tube.other.example/w/abc "x"', /tube\.other\.example is not among the allowed/);
  });
});
