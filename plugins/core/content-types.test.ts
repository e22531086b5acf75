import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentType, extensionOf, mediaType } from "./content-types.ts";

describe("media types", () => {
  it("gives text types their charset, binary ones none", () => {
    assert.equal(contentType("blog/index.html"), "text/html; charset=utf-8");
    assert.equal(contentType("agenda.ics"), "text/calendar; charset=utf-8");
    assert.equal(contentType("feed.xml"), "application/xml; charset=utf-8");
    assert.equal(contentType("a/site.webmanifest"), "application/manifest+json; charset=utf-8");
    assert.equal(contentType("img/photo.AVIF"), "image/avif");
    assert.equal(contentType("img/logo.svg"), "image/svg+xml");
    assert.equal(contentType("fonts/a.woff2"), "font/woff2");
  });

  it("answers with the site's own choices where mime-db differs", () => {
    assert.equal(mediaType("contact.vcf"), "text/vcard");
    assert.equal(mediaType("key.asc"), "text/plain");
    assert.equal(mediaType("feed.xsl"), "application/xslt+xml");
    assert.equal(mediaType("pagefind/wasm.fr.pagefind"), "application/octet-stream");
    assert.equal(mediaType("pagefind/index/fr_1a2b.pf_index"), "application/octet-stream");
  });

  it("knows nothing of a file without a known extension", () => {
    assert.equal(mediaType("README"), undefined);
    assert.equal(mediaType(".htaccess"), undefined);
    assert.equal(mediaType("a.unknown-ext"), undefined);
    assert.equal(extensionOf("a.b/c"), "");
  });
});
