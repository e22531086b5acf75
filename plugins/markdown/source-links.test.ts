import assert from "node:assert/strict";
import { test } from "node:test";
import { createMarkdown } from "./create-markdown.ts";

const OPTIONS = { siteUrl: "https://www.chatons-loire.example" };
const URLS: Record<string, string> = {
  "content/blog/bilan/index.fr.md": "/blog/bilan-2025/",
  "content/blog/bilan/index.en.md": "/en/blog/bilan-2025/",
  "content/pages/adherer.fr.md": "/adherer/",
  "content/blog/mon billet/index.fr.md": "/blog/mon-billet/",
};
const md = createMarkdown(OPTIONS, { pageUrlOf: (inputPath) => URLS[inputPath] });
const hrefs = (source: string, env: Record<string, unknown>) => [...md.render(source, env).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

test("a link to a page's Markdown file leads to the page, in the language of the page that links", () => {
  const source = "[a](../bilan/index.fr.md#budget) [b](../../pages/adherer.fr.md) [c](../mon%20billet/index.fr.md?x=1) [d][ref]\n\n[ref]: <../bilan/index.en.md>\n";
  // Whichever language the file named is in: the page's, as a relative link between pages (../bilan/) stays in it.
  assert.deepEqual(hrefs(source, { lang: "fr", file: "content/blog/ag/index.fr.md" }), ["/blog/bilan-2025/#budget", "/adherer/", "/blog/mon-billet/?x=1", "/blog/bilan-2025/"]);
  // No English page for the membership file: its French one, rather than nothing.
  assert.deepEqual(hrefs(source, { lang: "en", file: "content/blog/ag/index.en.md" }), ["/en/blog/bilan-2025/#budget", "/adherer/", "/blog/mon-billet/?x=1", "/en/blog/bilan-2025/"]);
});

test("a file that makes no page, a URL, an anchor, a bundle's file and a page without URLs stay as written", () => {
  const source = "[a](../brouillon/index.fr.md) [b](https://example.org/README.md) [c](/notes.md) [d](#x.md) [e](rapport.pdf)\n";
  const written = ["../brouillon/index.fr.md", "https://example.org/README.md", "/notes.md", "#x.md", "rapport.pdf"];
  assert.deepEqual(hrefs(source, { lang: "fr", file: "content/blog/ag/index.fr.md" }), written);
  assert.deepEqual(hrefs("[a](../bilan/index.fr.md)", { lang: "fr" }), ["../bilan/index.fr.md"], "no file: nothing to resolve from");
  assert.deepEqual([...createMarkdown(OPTIONS).render("[a](../bilan/index.fr.md)", { lang: "fr", file: "content/blog/ag/index.fr.md" }).matchAll(/href="([^"]*)"/g)].map((m) => m[1]), [
    "../bilan/index.fr.md",
  ]);
});
