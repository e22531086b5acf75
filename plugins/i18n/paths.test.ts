import assert from "node:assert/strict";
import { test } from "node:test";
import { localizedUrl, parseContentPath, siblingPath, withSlug } from "./paths.ts";

const LANGS = ["fr", "en"];

function ok(file: string) {
  const parsed = parseContentPath(file, LANGS);
  assert.ok(parsed.ok, `${file} should parse`);
  return parsed.path;
}

test("a bundle's French and English files share one bundle key and URL path", () => {
  const fr = ok("blog/2025/assemblee-generale/index.fr.md");
  const en = ok("blog/2025/assemblee-generale/index.en.md");
  assert.equal(fr.bundle, "blog/2025/assemblee-generale");
  assert.equal(en.bundle, fr.bundle);
  assert.equal(fr.lang, "fr");
  assert.equal(en.lang, "en");
  assert.equal(fr.urlPath, "blog/2025/assemblee-generale/");
  assert.equal(localizedUrl(fr.urlPath, "fr", "fr"), "/blog/2025/assemblee-generale/");
  assert.equal(localizedUrl(en.urlPath, "en", "fr"), "/en/blog/2025/assemblee-generale/");
});

test("single-file pages pair by name and drop the pages folder from URLs", () => {
  const page = ok("pages/association.en.md");
  assert.equal(page.bundle, "pages/association");
  assert.equal(page.section, "pages");
  assert.equal(localizedUrl(page.urlPath, "en", "fr"), "/en/association/");
});

test("the home page is the root bundle", () => {
  const home = ok("index.fr.md");
  assert.equal(home.bundle, "");
  assert.equal(home.section, "");
  assert.equal(localizedUrl(home.urlPath, "fr", "fr"), "/");
  assert.equal(localizedUrl(home.urlPath, "en", "fr"), "/en/");
});

test("unknown or missing language suffixes are refused with a useful message", () => {
  const de = parseContentPath("blog/x/index.de.md", LANGS);
  assert.equal(de.ok, false);
  assert.match(!de.ok ? de.message : "", /unknown language suffix "\.de".*fr, en/);
  const none = parseContentPath("pages/contact.md", LANGS);
  assert.equal(none.ok, false);
  assert.match(!none.ok ? none.message : "", /contact\.fr\.md/);
});

test("TSX templates may be language-neutral", () => {
  const sitemap = ok("sitemap.11ty.tsx");
  assert.equal(sitemap.lang, undefined);
  assert.equal(ok("blog/index.en.11ty.tsx").lang, "en");
});

test("slug overrides replace the last segment only", () => {
  assert.equal(withSlug("blog/2025/assemblee-generale/", "general-assembly"), "blog/2025/general-assembly/");
  assert.equal(withSlug("", "x"), "");
  assert.equal(siblingPath("blog/a/index.fr.md", "fr", "en"), "blog/a/index.en.md");
});

test("a folder or file name that would be part of an address is refused unless lowercase ASCII, with the name to use", () => {
  const folder = parseContentPath("blog/2025/Fête de la Science/index.fr.md", LANGS);
  assert.equal(
    !folder.ok && folder.message,
    `the folder "Fête de la Science" would be part of the page's address: addresses use lowercase letters without accents, digits and hyphens, so that they can be typed and shared; rename it "fete-de-la-science"`,
  );
  const file = parseContentPath("pages/Mentions légales.en.md", LANGS);
  assert.match(!file.ok ? file.message : "", /^the file name "Mentions légales" would be part of the page's address: .* rename it "mentions-legales"$/);
  // The pages folder and the language suffix are not in the address; dots and underscores are fine.
  assert.ok(parseContentPath("pages/association.fr.md", LANGS).ok);
  assert.ok(parseContentPath("docs/services/v2.1_notes/index.en.md", LANGS).ok);
});
