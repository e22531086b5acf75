/**
 * Whole-site checks on the starter site as `npm run build` writes it: valid
 * HTML, paired languages, and no internal link or asset that leads nowhere.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, test } from "node:test";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { parse, type HTMLElement } from "node-html-parser";
import { starterSite, type BuiltSite } from "../helpers/build.ts";

const SITE = "https://www.chatons-loire.example";

let site: BuiltSite;
let pages: { file: string; url: string; root: HTMLElement }[];

before(async () => {
  site = await starterSite();
  pages = site.files
    .filter((f) => f.endsWith(".html"))
    .map((file) => ({ file, url: `/${file.replace(/index\.html$/, "")}`, root: parse(site.read(file)) }));
});

/** The file a site-absolute URL is served from (directory URLs → index.html), or undefined. */
function target(url: string): string | undefined {
  const clean = decodeURI(url.split("#")[0]!.split("?")[0]!).replace(/^\//, "");
  for (const candidate of [clean, `${clean}${clean.endsWith("/") || !clean ? "" : "/"}index.html`]) {
    if (candidate && site.exists(candidate)) return candidate;
  }
  return clean === "" && site.exists("index.html") ? "index.html" : undefined;
}

describe("the starter site", () => {
  test("every HTML page passes html-validate with 0 errors", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const { file } of pages) {
      const report = await validator.validateString(site.read(file), path.join("_site", file));
      for (const m of report.results.flatMap((r) => r.messages)) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    assert.ok(pages.length > 10, `only ${pages.length} pages`);
    assert.deepEqual(errors, []);
  });

  test("every French page has an English URL and the other way round", () => {
    const contentPages = pages.filter((p) => p.root.querySelector('link[rel="canonical"]') && p.file !== "404.html");
    const fr = contentPages.filter((p) => !p.url.startsWith("/en/"));
    const en = new Set(contentPages.filter((p) => p.url.startsWith("/en/")).map((p) => p.url));
    assert.ok(fr.length >= 5);
    for (const p of fr) {
      const switchTo = p.root.querySelector('.lang-switch a[hreflang="en"]')?.getAttribute("href");
      assert.ok(switchTo && en.has(switchTo), `${p.url} switches to an English page (${switchTo})`);
    }
  });

  test("hreflang alternates are absolute and reciprocal, with x-default on the French page", () => {
    let pairs = 0;
    for (const p of pages) {
      const links = p.root.querySelectorAll('link[rel="alternate"][hreflang]');
      for (const link of links) {
        const href = link.getAttribute("href")!;
        assert.ok(href.startsWith(`${SITE}/`), `${p.url}: ${href} is absolute`);
        const other = pages.find((q) => `${SITE}${q.url}` === href);
        assert.ok(other, `${p.url}: alternate ${href} exists`);
        const back = other.root.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute("href"));
        assert.ok(back.includes(`${SITE}${p.url}`), `${other.url} links back to ${p.url}`);
        pairs++;
      }
      if (links.length) {
        const xDefault = links.find((l) => l.getAttribute("hreflang") === "x-default")!.getAttribute("href");
        assert.ok(xDefault && !xDefault.startsWith(`${SITE}/en/`), `${p.url}: x-default is the French page`);
      }
    }
    assert.ok(pairs > 10);
  });

  test("every language switcher target exists", () => {
    for (const p of pages) {
      for (const a of p.root.querySelectorAll(".lang-switch a")) {
        assert.ok(target(a.getAttribute("href")!), `${p.url} switches to ${a.getAttribute("href")}, which is not built`);
      }
    }
  });

  test("every internal link, image, stylesheet and script resolves, anchors included", () => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = ids.get(file);
      if (!set) ids.set(file, (set = new Set(parse(site.read(file)).querySelectorAll("[id]").map((e) => e.id))));
      return set;
    };
    for (const p of pages) {
      const refs = [
        ...p.root.querySelectorAll("a[href], link[href]").map((e) => e.getAttribute("href")!),
        ...p.root.querySelectorAll("img[src], script[src], iframe[src]").map((e) => e.getAttribute("src")!),
        ...p.root.querySelectorAll("[srcset]").flatMap((e) => e.getAttribute("srcset")!.split(",").map((s) => s.trim().split(/\s+/)[0]!)),
      ];
      for (const ref of refs) {
        if (/^(https?:|mailto:|data:)/.test(ref) && !ref.startsWith(SITE)) continue;
        const url = new URL(ref, `${SITE}${p.url}`);
        if (url.origin !== SITE) continue;
        const file = target(url.pathname);
        if (!file) {
          broken.push(`${p.url} → ${ref}`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && file.endsWith(".html") && !idsOf(file).has(anchor)) broken.push(`${p.url} → ${ref} (no id "${anchor}")`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test("the 404 document reads in both languages without JavaScript", () => {
    const root = parse(site.read("404.html"));
    assert.equal(root.querySelectorAll("script").length, 0);
    const sections = root.querySelectorAll("main section");
    assert.deepEqual(sections.map((s) => s.getAttribute("lang")), ["fr", "en"]);
    assert.match(sections[0]!.text, /Page introuvable/);
    assert.match(sections[1]!.text, /Page not found/);
    for (const a of root.querySelectorAll("a, link[href]")) {
      const href = a.getAttribute("href")!;
      assert.ok(href.startsWith("/") || href.startsWith("#"), `404 links must be site-absolute (${href})`);
    }
  });

  test("every page's footer leads to the legal notice of its language, which says when it last changed", () => {
    const withFooter = pages.filter((q) => q.root.querySelector(".site-footer"));
    assert.ok(withFooter.length > 50);
    for (const p of withFooter) {
      const expected = p.url.startsWith("/en/") ? ["/en/mentions-legales/", "Legal notice"] : ["/mentions-legales/", "Mentions légales"];
      const link = p.root.querySelectorAll(".site-footer a").find((a) => a.getAttribute("href") === expected[0]);
      assert.equal(link?.text, expected[1], `${p.url}: footer link to ${expected[0]}`);
    }
    for (const [file, text] of [
      ["mentions-legales/index.html", "Dernière mise à jour le 1er septembre 2025"],
      ["en/mentions-legales/index.html", "Last updated on 1 September 2025"],
    ] as const) {
      const meta = parse(site.read(file)).querySelector("article.page h1 ~ p.meta");
      assert.equal(meta?.text, text, file);
      assert.equal(meta?.querySelector("time")?.getAttribute("datetime"), "2025-09-01", file);
    }
  });

  test("every page's footer groups its links in columns, each leading to a page of this build or to the association's accounts", () => {
    const withFooter = pages.filter((q) => q.root.querySelector(".site-footer"));
    const elsewhere = [
      ["Mastodon", "https://piaille.chatons-loire.example/@asso"],
      ["PeerTube", "https://video.chatons-loire.example/a/asso/video-channels"],
      ["Matrix", "https://matrix.to/#/%23entraide:chatons-loire.example"],
    ];
    for (const p of withFooter) {
      const english = p.url.startsWith("/en/");
      const titles = p.root.querySelectorAll(".site-footer .footer-title").map((h) => h.text);
      assert.deepEqual(titles, english ? ["The association", "Follow", "Get in touch"] : ["L’association", "Suivre", "Nous joindre"], p.url);
      for (const a of p.root.querySelectorAll(".site-footer .footer-column a")) {
        const href = a.getAttribute("href")!;
        if (href.startsWith("/")) assert.ok(target(href), `${p.url}: the footer's "${a.text}" leads to ${href}, which this build has`);
        if (href.startsWith("/") && href !== "/") assert.equal(href.startsWith("/en/"), english, `${p.url}: the footer's "${a.text}" stays in the page's language`);
      }
      // rel="me" on each of the association's accounts: a Mastodon profile linking to the site shows it verified.
      const accounts = p.root.querySelectorAll('.site-footer a[rel~="me"]').map((a) => [a.text, a.getAttribute("href")]);
      assert.deepEqual(accounts, elsewhere, `${p.url}: the accounts elsewhere`);
      assert.equal(p.root.querySelector('.site-footer a[href^="mailto:"]')?.text, "contact@chatons-loire.example", p.url);
      // Mastodon names the account as the author of a link shared there.
      assert.equal(p.root.querySelector('meta[name="fediverse:creator"]')?.getAttribute("content"), "@asso@piaille.chatons-loire.example", p.url);
    }
    const about = (file: string) => parse(site.read(file)).querySelector(".site-footer .footer-column a")!;
    assert.deepEqual([about("index.html").text, about("index.html").getAttribute("href")], ["Qui sommes-nous", "/association/"]);
    assert.deepEqual([about("en/index.html").text, about("en/index.html").getAttribute("href")], ["About us", "/en/association/"]);
  });

  test("the home page tells search engines who publishes the site, and where else to find the association", () => {
    for (const [file, url, description] of [
      ["index.html", `${SITE}/`, "Association d’hébergement éthique"],
      ["en/index.html", `${SITE}/en/`, "Ethical hosting association"],
    ] as const) {
      const scripts = parse(site.read(file)).querySelectorAll('script[type="application/ld+json"]');
      const organisation = scripts.map((s) => JSON.parse(s.textContent)).find((j) => j["@type"] === "Organization");
      assert.ok(organisation, `${file}: an Organization`);
      assert.equal(organisation.name, "Les Chatons de la Loire");
      assert.equal(organisation.url, url);
      assert.ok(organisation.description.startsWith(description), file);
      assert.equal(organisation.email, "contact@chatons-loire.example");
      assert.deepEqual(organisation.sameAs, [
        "https://piaille.chatons-loire.example/@asso",
        "https://video.chatons-loire.example/a/asso/video-channels",
        "https://matrix.to/#/%23entraide:chatons-loire.example",
      ]);
    }
  });

  test("every page has a canonical link and OpenGraph meta", () => {
    for (const p of pages.filter((q) => q.root.querySelector(".site-nav"))) {
      assert.ok(p.root.querySelector('link[rel="canonical"]')?.getAttribute("href")?.startsWith(SITE), `${p.url} canonical`);
      for (const prop of ["og:title", "og:url", "og:type", "og:site_name", "og:locale"]) {
        assert.ok(p.root.querySelector(`meta[property="${prop}"]`), `${p.url} has ${prop}`);
      }
    }
  });
});
