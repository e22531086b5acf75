/**
 * Drafts and scheduled posts on the blog-features fixture: out of a build
 * (pages, untranslated copies, lists, tag and year pages, sitemap) until they
 * are ready, shown with a badge by `npm start` (run mode "serve").
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildSite, type BuiltSite } from "../helpers/build.ts";
import { blogText, listedTitles, page } from "./helpers.ts";

const BEFORE = "2025-06-01T12:00:00+02:00";
// The daily build right after the scheduled date (2025-12-01 09:00 in Paris).
const AFTER = "2025-12-01T09:05:00+01:00";
const DRAFT = "Un brouillon pas encore relu";
const SCHEDULED = { fr: "Un article programmé pour décembre", en: "A post scheduled for December" };

describe("npm run build before the scheduled date", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite({ fixture: "blog-features", now: BEFORE });
  });

  test("neither the draft nor the scheduled post has a page, in any language", () => {
    for (const file of ["blog/2025/brouillon/index.html", "en/blog/2025/brouillon/index.html", "blog/2025/futur/index.html", "en/blog/2025/futur/index.html"]) {
      assert.ok(!site.exists(file), `${file} should not be built`);
    }
  });

  test("no page of the blog mentions them: home, lists, tag pages, year pages, other posts", () => {
    const text = blogText(site);
    assert.match(text, /Un article court/);
    for (const title of [DRAFT, SCHEDULED.fr, SCHEDULED.en]) assert.ok(!text.includes(title), `"${title}" appears somewhere`);
    assert.ok(!site.files.some((f) => f.includes("brouillon-secret") || f.includes("futur-secret")), "their own tags have no page");
    assert.ok(!site.files.some((f) => f.startsWith("blog/2025/") && f !== "blog/2025/index.html" && !/^blog\/2025\/(long|court)\//.test(f)));
  });

  test("the sitemap does not list them", () => {
    const sitemap = site.read("sitemap.xml");
    assert.ok(sitemap.includes("/blog/2025/long/"), "the sitemap lists published posts");
    assert.doesNotMatch(sitemap, /brouillon|futur/);
  });
});

describe("npm run build after the scheduled date", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite({ fixture: "blog-features", now: AFTER });
  });

  test("the scheduled post is published in both languages, first in the lists, with its tag page; the draft is still out", () => {
    assert.equal(listedTitles(page(site, "/blog/"))[0], SCHEDULED.fr);
    assert.equal(listedTitles(page(site, "/en/blog/"))[0], SCHEDULED.en);
    assert.deepEqual(listedTitles(page(site, "/en/blog/tags/futur-secret/")), [SCHEDULED.en]);
    assert.ok(site.read("sitemap.xml").includes("/en/blog/2025/futur/"));
    assert.equal(page(site, "/blog/2025/futur/").querySelectorAll(".status-badge").length, 0);
    assert.ok(!site.exists("blog/2025/brouillon/index.html"));
  });
});

describe("npm start (run mode serve)", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite({ fixture: "blog-features", now: BEFORE, runMode: "serve" });
  });

  test("shows the draft, its untranslated copy and the scheduled post, each with its badge", () => {
    assert.equal(page(site, "/blog/2025/brouillon/").querySelector(".post-header .status-badge")!.text, "Brouillon");
    assert.equal(page(site, "/en/blog/2025/brouillon/").querySelector(".post-header .status-badge")!.text, "Draft");
    assert.equal(page(site, "/en/blog/2025/futur/").querySelector(".post-header .status-badge")!.text, "Scheduled");
    assert.equal(page(site, "/blog/2025/futur/").querySelector(".post-header .status-badge")!.text, "À paraître");
  });

  test("lists and tag pages include them, marked", () => {
    const first = page(site, "/blog/").querySelectorAll(".post-card")[0]!;
    assert.match(first.text, new RegExp(SCHEDULED.fr));
    assert.equal(first.querySelector(".status-badge")!.text, "À paraître");
    assert.deepEqual(listedTitles(page(site, "/blog/tags/brouillon-secret/")), [DRAFT]);
  });
});
