import assert from "node:assert/strict";
import { test } from "node:test";
import { headersFor } from "./content-types.ts";
import { parseManifest, serializeManifest } from "./manifest.ts";
import {
  batches,
  diff,
  normaliseEtag,
  phaseOf,
  phasesOf,
  resolveVerified,
  safetyProblems,
  type LocalFile,
  type RemoteObject,
} from "./plan.ts";

function file(key: string, md5 = "0".repeat(32), size = 10): LocalFile {
  const h = headersFor(key);
  return { key, path: `/tmp/${key}`, size, md5, contentType: h.contentType, cacheControl: h.cacheControl, cacheClass: h.cacheClass, headerHash: `hash-of-${key}` };
}

function remote(...objects: Array<[string, string]>): Map<string, RemoteObject> {
  return new Map(objects.map(([key, etag]) => [key, { key, etag, size: 10 }]));
}

test("files fall into assets, pages, feeds and home", () => {
  assert.equal(phaseOf("index.html", "text/html"), "home");
  assert.equal(phaseOf("404.html", "text/html"), "home");
  assert.equal(phaseOf("en/index.html", "text/html"), "home");
  assert.equal(phaseOf("pt-BR/index.html", "text/html"), "home");
  assert.equal(phaseOf("blog/index.html", "text/html"), "pages");
  assert.equal(phaseOf("en/blog/2025/ag/index.html", "text/html"), "pages");
  assert.equal(phaseOf("feed.xml", "application/rss+xml; charset=utf-8"), "feeds");
  assert.equal(phaseOf("en/feed.json", "application/feed+json; charset=utf-8"), "feeds");
  assert.equal(phaseOf("agenda.ics", "text/calendar; charset=utf-8"), "feeds");
  assert.equal(phaseOf("sitemap.xml", "application/xml; charset=utf-8"), "feeds");
  assert.equal(phaseOf("robots.txt", "text/plain; charset=utf-8"), "feeds");
  assert.equal(phaseOf("img/AbCdEfGh12-600.avif", "image/avif"), "assets");
  assert.equal(phaseOf("pagefind/pagefind.js", "text/javascript"), "assets");
  assert.equal(phaseOf("feed.xsl", "application/xslt+xml"), "assets");
});

test("diff: new, changed, unchanged, to verify and stale", () => {
  const a = file("a.css", "aa".repeat(16));
  const b = file("b.css", "bb".repeat(16));
  const c = file("c.css", "cc".repeat(16));
  const d = file("d.css", "dd".repeat(16));
  const r = remote(["b.css", "ff".repeat(16)], ["c.css", "cc".repeat(16)], ["d.css", "dd".repeat(16)], ["old.html", "12".repeat(16)], [".deploy-manifest.json", "x"]);
  const manifest = new Map([["c.css", "hash-of-c.css"], ["d.css", "an older policy"]]);
  const result = diff([a, b, c, d], r, manifest, new Set([".deploy-manifest.json"]));
  assert.deepEqual(result.uploads.map((u) => [u.file.key, u.reason]), [["a.css", "new"], ["b.css", "changed"]]);
  assert.deepEqual(result.unchanged.map((f) => f.key), ["c.css"]);
  assert.deepEqual(result.verify.map((f) => f.key), ["d.css"]);
  assert.deepEqual(result.stale, ["old.html"]);
});

test("without a manifest every same-bytes file is verified", () => {
  const c = file("c.css", "cc".repeat(16));
  const result = diff([c], remote(["c.css", "cc".repeat(16)]), null);
  assert.deepEqual(result.verify.map((f) => f.key), ["c.css"]);
  const settled = resolveVerified(result.verify, new Map([["c.css", "hash-of-c.css"]]));
  assert.deepEqual(settled.unchanged.map((f) => f.key), ["c.css"]);
  const other = resolveVerified(result.verify, new Map([["c.css", undefined]]));
  assert.deepEqual(other.uploads.map((u) => u.reason), ["headers"]);
});

test("phases come in order, fingerprinted assets in the first wave", () => {
  const uploads = ["index.html", "blog/a/index.html", "feed.ics", "css/site.css", "img/AbCdEfGh12-600.avif", "en/index.html", "404.html"].map((k) => ({ file: file(k, undefined, 5), reason: "new" as const }));
  const phases = phasesOf(uploads);
  assert.deepEqual(phases.map((p) => [p.phase, p.count, p.bytes]), [["assets", 2, 10], ["pages", 1, 5], ["feeds", 1, 5], ["home", 3, 15]]);
  assert.deepEqual(phases[0]?.waves.map((w) => w.map((u) => u.file.key)), [["img/AbCdEfGh12-600.avif"], ["css/site.css"]]);
  assert.deepEqual(phases[3]?.waves[0]?.map((u) => u.file.key), ["404.html", "en/index.html", "index.html"]);
});

test("a build without index.html or 404.html is refused", () => {
  const ok = { localKeys: new Set(["index.html", "404.html"]), remoteCount: 0, staleCount: 0, maxDeleteShare: 0.3, allowMassDelete: false };
  assert.deepEqual(safetyProblems(ok), []);
  const problems = safetyProblems({ ...ok, localKeys: new Set(["404.html"]) });
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? "", /lacks index\.html/);
});

test("deleting more than the allowed share of the bucket is refused unless allowed", () => {
  const base = { localKeys: new Set(["index.html", "404.html"]), remoteCount: 10, maxDeleteShare: 0.3, allowMassDelete: false };
  assert.deepEqual(safetyProblems({ ...base, staleCount: 3 }), []);
  assert.match(safetyProblems({ ...base, staleCount: 4 })[0] ?? "", /delete 4 of the 10 objects in the bucket \(40%.*--allow-mass-delete/);
  assert.deepEqual(safetyProblems({ ...base, staleCount: 9, allowMassDelete: true }), []);
});

test("batches of at most 1000 keys", () => {
  const keys = Array.from({ length: 2345 }, (_, i) => `k${i}`);
  assert.deepEqual(batches(keys).map((b) => b.length), [1000, 1000, 345]);
  assert.deepEqual(batches([]), []);
});

test("ETags are compared without quotes", () => {
  assert.equal(normaliseEtag('"9E107D9D372BB6826BD81D3542A419D6"'), "9e107d9d372bb6826bd81d3542a419d6");
  assert.equal(normaliseEtag(undefined), "");
});

test("the manifest round-trips and rejects foreign content", () => {
  const text = serializeManifest([file("b.html"), file("a.css")]);
  assert.deepEqual([...(parseManifest(text) ?? new Map())], [["a.css", "hash-of-a.css"], ["b.html", "hash-of-b.html"]]);
  assert.equal(parseManifest("not json"), null);
  assert.equal(parseManifest('{"version": 2, "headers": {}}'), null);
  assert.equal(parseManifest("[]"), null);
});
