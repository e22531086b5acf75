import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { neighboursOf, postFacts, postsOfYear, postsTagged, readingMinutes, wordsIn } from "./posts.ts";

describe("readingMinutes", () => {
  test("counts the words of the text at 220 a minute, at least one minute", () => {
    const words = (n: number) => `<p>${Array.from({ length: n }, () => "mot").join(" ")}</p>`;
    assert.equal(readingMinutes(words(10)), 1);
    assert.equal(readingMinutes(words(1100)), 5);
  });

  test("code blocks do not count", () => {
    const code = `<pre><code>${"docker compose up -d ".repeat(500)}</code></pre>`;
    assert.equal(readingMinutes(`<p>Court.</p>${code}`), 1);
  });
});

describe("wordsIn", () => {
  test("counts what the text without its tags and code blocks splits into at white space", () => {
    // The same count as taking the tags and code blocks out, then splitting at \s.
    const byText = (html: string) => html.replace(/<pre[\s\S]*?<\/pre>/g, " ").replace(/<[^>]+>/g, " ").match(/\S+/g)?.length ?? 0;
    const samples = [
      "<p>Un deux trois.</p>",
      "<p>Mot<strong>collé</strong>à<em>mot</em></p>",
      "<p>Le\u00a0: « guillemets »\u202f; fin\u2009!</p>",
      "<p>a < b et c > d, 3<>4</p>",
      '<pre class="code-block"><code>docker compose up -d</code></pre><p>Après le code.</p>',
      "<p>Avant<pre>un bloc sans fin",
      "<p>Deux</p>\n\n<ul>\n<li>éléments</li>\n<li>ici</li>\n</ul>",
      "",
      "<br><hr>",
      "<p>tab\tline\nfeed\rcarriage\vvertical\fform\u3000ideographic\ufeffbom</p>",
    ];
    for (const html of samples) assert.equal(wordsIn(html), byText(html), JSON.stringify(html));
  });
});

describe("postFacts", () => {
  const words = (n: number) => `<p>${Array.from({ length: n }, () => "mot").join(" ")}</p>`;
  test("one post's facts serve its page and every list while its HTML is the same; a new version gets new facts", () => {
    const first = postFacts("/blog/2025/ag/", `${words(450)}\n<!-- more -->\n${words(450)}`);
    assert.equal(first.minutes, 4);
    assert.equal(first.excerpt, words(450));
    // The same text, not the same string (a list reads the post's content, its page the layout's copy).
    assert.equal(postFacts("/blog/2025/ag/", `${words(450)}\n<!-- more -->\n${words(450)}`), first);
    const edited = postFacts("/blog/2025/ag/", words(1100));
    assert.notEqual(edited, first);
    assert.equal(edited.minutes, 5);
    assert.equal(edited.excerpt, undefined);
    assert.equal(postFacts("/blog/2025/autre/", words(1100)).minutes, 5);
  });
});

describe("neighboursOf", () => {
  const list = [{ url: "/c/" }, { url: "/b/" }, { url: "/a/" }]; // newest first
  test("the older post comes after in the list, the newer one before", () => {
    assert.deepEqual(neighboursOf(list, "/b/"), { older: { url: "/a/" }, newer: { url: "/c/" } });
    assert.deepEqual(neighboursOf(list, "/c/"), { older: { url: "/b/" } });
    assert.deepEqual(neighboursOf(list, "/a/"), { newer: { url: "/b/" } });
    assert.deepEqual(neighboursOf(list, "/x/"), {});
  });
});

describe("postsTagged and postsOfYear", () => {
  const post = (url: string, tags: string[]) => ({ url, data: { title: `Article ${url}`, date: "2025-03-01", lang: "fr", tags } }) as never;
  const list = [post("/c/", ["Vidéo", "vidéo"]), post("/b/", ["association"]), post("/a/", ["video", "Association"])];
  test("the posts under a tag whatever its spelling, in the list's order, each once", () => {
    assert.deepEqual(postsTagged(list, "video", "Europe/Paris").map((p: { url: string }) => p.url), ["/c/", "/a/"]);
    assert.deepEqual(postsTagged(list, "association", "Europe/Paris").map((p: { url: string }) => p.url), ["/b/", "/a/"]);
    assert.deepEqual(postsTagged(list, "logiciels-libres", "Europe/Paris"), []);
  });

  test("the posts of a year, by their date in the site's zone", () => {
    const dated = (url: string, date: string) => ({ url, data: { title: `Article ${url}`, date, lang: "fr" } }) as never;
    const all = [dated("/d/", "2025-03-01"), dated("/e/", "2025-01-01T00:30"), dated("/f/", "2024-12-31T23:30")];
    assert.deepEqual(postsOfYear(all, 2025, "Europe/Paris").map((p: { url: string }) => p.url), ["/d/", "/e/"]);
    assert.deepEqual(postsOfYear(all, 2024, "Europe/Paris").map((p: { url: string }) => p.url), ["/f/"]);
    assert.deepEqual(postsOfYear(all, 2023, "Europe/Paris"), []);
  });
});
