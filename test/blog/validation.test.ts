/** A post's image must be a photo of its folder: the build stops and names the file and field otherwise. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildFailure } from "../helpers/build.ts";

test("a missing image file and a non-photo image are content errors naming file, line and field", async () => {
  const content = await buildFailure({ fixture: "blog-bad-image" });
  const base = "test/fixtures/blog-bad-image/content/blog/2025";
  assert.match(content.message, new RegExp(`${base}/photo-absente/index\\.fr\\.md:4 · image · "salle\\.jpg" is not in photo-absente/`));
  assert.match(content.message, new RegExp(`${base}/mauvais-format/index\\.fr\\.md:4 · image · expected a JPEG, PNG, WebP or AVIF photo, found "affiche\\.pdf"`));
});

