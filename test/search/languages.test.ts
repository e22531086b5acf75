/**
 * The search-languages fixture, built as `npm run build` builds (Pagefind runs
 * in the build's eleventy.after hook), then searched with Pagefind's own
 * client. "ragondin" is written only in a French docs page that has no
 * English version: its untranslated English copy exists, yet must not put the
 * word in the English index.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { searchClient, type SearchClient } from "./pagefind-client.ts";

let site: BuiltSite;
let client: SearchClient;

before(async () => {
  site = await buildSite({ fixture: "search-languages" });
  client = await searchClient(site.output);
});
after(async () => {
  await client?.close();
});

const urls = async (lang: string, query: string, filters?: Record<string, string>) => (await client.search(lang, query, filters)).map((h) => h.url);

describe("the search index after a build", () => {
  test("has one index per language, each with pages", () => {
    const entry = JSON.parse(site.read("pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    assert.deepEqual(Object.keys(entry.languages).sort(), ["en", "fr"]);
    assert.ok(entry.languages.fr!.page_count >= 7, JSON.stringify(entry.languages));
    assert.ok(entry.languages.en!.page_count >= 6, JSON.stringify(entry.languages));
    for (const file of ["pagefind/pagefind.js", "pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css"]) assert.ok(site.exists(file), file);
  });

  test("a word only in a French docs page is found in French and not in English, though its untranslated copy exists", async () => {
    assert.match(site.read("en/docs/outils/index.html"), /ragondin/);
    assert.deepEqual(await urls("fr", "ragondin"), ["/docs/outils/"]);
    assert.deepEqual(await urls("en", "ragondin"), []);
  });

  test("a word only in an English page is found in English only", async () => {
    assert.deepEqual(await urls("en", "hedgehog"), ["/en/docs/faune/"]);
    assert.deepEqual(await urls("fr", "hedgehog"), []);
    assert.deepEqual(await urls("fr", "hérisson"), ["/docs/faune/"]);
  });

  test("results carry their title and an excerpt that marks the word", async () => {
    const [hit] = await client.search("fr", "ragondin");
    assert.equal(hit?.title, "Les outils du local");
    assert.match(hit!.excerpt, /<mark>ragondin<\/mark>/);
  });

  test("navigation, header and footer words are not indexed", async () => {
    // Words every docs page shows outside its text: the sidebar heading, the edit
    // link, the footer. Other pages may use them in their own text, docs pages do not.
    for (const [lang, words] of [["fr", ["sommaire", "forge", "traceur", "Agenda"]], ["en", ["contents", "forge", "licence"]]] as const) {
      for (const word of words) {
        const docs = (await urls(lang, word)).filter((url) => /^(\/en)?\/docs\//.test(url));
        assert.deepEqual(docs, [], `${lang} "${word}"`);
      }
    }
  });

  test("a footnote's call and way back are not in the excerpts; its text is searched", async () => {
    assert.match(site.read("docs/faune/index.html"), /hérisson<sup class="footnote-ref">.*>1<\/a><\/sup>/);
    const [hit] = await client.search("fr", "hérisson");
    assert.equal(hit?.url, "/docs/faune/");
    // Pagefind marks the word with its full stop.
    assert.match(hit!.excerpt, /vit un <mark>hérisson\.<\/mark> Ses habitudes/);
    assert.deepEqual(await urls("fr", "soirs"), ["/docs/faune/"]);
    const [note] = await client.search("fr", "soirs");
    assert.doesNotMatch(note!.excerpt, /↩/);
  });

  test("heading anchors' hidden link text is not indexed", async () => {
    assert.match(site.read("docs/faune/index.html"), /Lien vers la section/);
    assert.deepEqual(await urls("fr", "lien"), []);
  });

  test("a section's list of pages does not make the section page a result for their words", async () => {
    // The docs home lists "Les outils du local" with its summary ("…dans l’armoire");
    // that list is navigation, so only the page itself is found.
    assert.match(site.read("docs/index.html"), /armoire/);
    assert.deepEqual(await urls("fr", "armoire"), ["/docs/outils/"]);
  });

  test("each result is filtered by its section, named in the index's language", async () => {
    const fr = await client.search("fr", null, {});
    const sections = Object.fromEntries(fr.map((h) => [h.url, h.filters.section?.[0]]));
    assert.equal(sections["/docs/outils/"], "Documentation");
    assert.equal(sections["/blog/2025/sortie-nature/"], "Actualités");
    assert.equal(sections["/reports/2024-2025/rapport-moral/"], "Rapports");
    assert.deepEqual(await urls("fr", "libellules", { section: "Actualités" }), ["/blog/2025/sortie-nature/"]);
    assert.deepEqual(await urls("fr", "libellules", { section: "Documentation" }), []);
    const en = await client.search("en", null, { section: "News" });
    assert.deepEqual(en.map((h) => h.url), ["/en/blog/2025/sortie-nature/"]);
  });

  test("every result is in exactly one section; the home page is not a result", async () => {
    for (const [lang, home] of [["fr", "/"], ["en", "/en/"]] as const) {
      const all = await client.search(lang, null, {});
      assert.deepEqual(all.filter((h) => h.filters.section?.length !== 1).map((h) => `${h.url} ${JSON.stringify(h.filters)}`), [], lang);
      assert.ok(!all.some((h) => h.url === home), lang);
    }
    // Its words are still found where they are the page's own.
    assert.match(site.read("index.html"), /démonstration/);
    assert.deepEqual((await urls("fr", "démonstration")).sort(), ["/association/", "/docs/"]);
  });

  test("a post's excerpt quotes its text, not its byline", async () => {
    const [hit] = await client.search("fr", "libellules");
    assert.equal(hit?.url, "/blog/2025/sortie-nature/");
    // The title (indexed, so that it weighs in the ranking) then the text: nothing in between.
    assert.match(hit!.excerpt, /^Sortie nature\. Nous avons compté les <mark>libellules<\/mark>/);
    // No metadata but the title: Pagefind's UI would show any other as a tag under the result.
    assert.deepEqual(hit!.meta, {});
    // The byline's words and date are not text of the post.
    assert.deepEqual(await urls("fr", "publié"), []);
    assert.deepEqual(await urls("en", "published"), []);
  });

  test("an event's facts are words of their own: each is found, and the excerpt reads them apart", async () => {
    // The layout writes <dt>Quand</dt><dd>samedi…</dd> with nothing in between,
    // which Pagefind indexed as "Quandsamedi" and "TarifGratuit".
    assert.match(site.read("events/2025/nettoyage-berges/index.html"), /<dt>Quand<\/dt><dd>/);
    for (const word of ["samedi", "gratuit", "Carmes"]) assert.deepEqual(await urls("fr", word), ["/events/2025/nettoyage-berges/"], word);
    const [hit] = await client.search("fr", "samedi");
    assert.match(hit!.excerpt, /Quand <mark>samedi<\/mark> 14 juin 2025 Où Étang des Carmes/);
  });

  test("lists and untranslated copies are not results of their own", async () => {
    const all = [...(await client.search("fr", null, {})), ...(await client.search("en", null, {}))].map((h) => h.url);
    for (const url of ["/blog/", "/en/blog/", "/search/", "/en/search/", "/en/docs/outils/"]) assert.ok(!all.includes(url), url);
  });

  test("a report's PDF is found by its title, in each language", async () => {
    const fr = await client.search("fr", "moral");
    const pdf = fr.find((h) => h.url.endsWith(".pdf"));
    assert.equal(pdf?.url, "/reports/2024-2025/rapport-moral/rapport-moral-2024-2025.pdf");
    assert.match(pdf!.title, /^Rapport moral 2024-2025/);
    assert.deepEqual(pdf!.filters.section, ["Rapports"]);
    const en = await client.search("en", "moral");
    assert.ok(en.some((h) => h.url === "/reports/2024-2025/rapport-moral/rapport-moral-2024-2025.pdf#en" && /^Moral report 2024-2025/.test(h.title)));
  });
});

describe("the search pages", () => {
  test("exist in both languages, load Pagefind's UI from this site only, without inline script", () => {
    for (const [file, lang] of [["search/index.html", "fr"], ["en/search/index.html", "en"]] as const) {
      const html = site.read(file);
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.deepEqual(
        scripts.map((s) => /src="([^"]+)"/.exec(s[1]!)?.[1]),
        ["/pagefind/pagefind-ui.js", "/assets/search.js"],
      );
      assert.ok(scripts.every((s) => s[2]!.trim() === ""), "no inline script");
      assert.match(html, /<link rel="stylesheet" href="\/pagefind\/pagefind-ui\.css"/);
      assert.match(html, /<noscript>/);
      assert.doesNotMatch(html, /data-pagefind-body/);
    }
    assert.match(site.read("search/index.html"), /data-label="Mots à rechercher"/);
    assert.match(site.read("en/search/index.html"), /data-label="Words to search for"/);
  });

  test("pass html-validate", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const file of ["search/index.html", "en/search/index.html"]) {
      const report = await validator.validateString(site.read(file), file);
      for (const m of report.results.flatMap((r) => r.messages)) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    assert.deepEqual(errors, []);
  });

  test("are linked from every page's header, without JavaScript", () => {
    assert.match(site.read("docs/index.html"), /<a href="\/search\/"[^>]*>Rechercher<\/a>/);
    assert.match(site.read("en/docs/index.html"), /<a href="\/en\/search\/"[^>]*>Search<\/a>/);
  });
});
