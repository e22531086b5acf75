import assert from "node:assert/strict";
import { test } from "node:test";
import { builtUrls, switchTarget, versionsOf, type I18nData } from "./translations.ts";

const site = { defaultLanguage: "fr", languages: [{ code: "fr" }, { code: "en" }] } as unknown as I18nData["site"];

function item(url: string, lang: string, bundle: string, untranslated = false) {
  return { url, data: { site, lang, bundle, untranslated } } as unknown as NonNullable<I18nData["collections"]["all"]>[number];
}

// Collections come in no fixed order: English first here on purpose.
const all = [item("/en/blog/a/", "en", "blog/a"), item("/blog/a/", "fr", "blog/a"), item("/en/blog/b/", "en", "blog/b", true), item("/blog/b/", "fr", "blog/b")];
const dataOf = (bundle: string, lang: string) => ({ site, lang, bundle, page: { url: "" }, collections: { all } }) as unknown as I18nData;

test("versions of a page come in the site's language order, whatever the collection order", () => {
  assert.deepEqual([...versionsOf(dataOf("blog/a", "en")).keys()], ["fr", "en"]);
  assert.equal(versionsOf(dataOf("blog/b", "fr")).get("en")?.untranslated, true);
});

test("the switcher leads to the same page, else to the language's home", () => {
  assert.equal(switchTarget(dataOf("blog/a", "fr"), "en"), "/en/blog/a/");
  assert.equal(switchTarget(dataOf("blog/z", "fr"), "en"), "/en/");
});

test("built URLs are every page of the build", () => {
  assert.deepEqual([...builtUrls(dataOf("blog/a", "fr"))].sort(), ["/blog/a/", "/blog/b/", "/en/blog/a/", "/en/blog/b/"]);
});
