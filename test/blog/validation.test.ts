/** A post's image must be a photo of its folder: the build stops and names the file and field otherwise. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ContentError } from "../../plugins/validate/problems.ts";
import { buildSite } from "../helpers/build.ts";

test("a missing image file and a non-photo image are content errors naming file, line and field", async () => {
  const error = await buildSite({ fixture: "blog-bad-image" }).then(
    () => assert.fail("the build should fail"),
    (e: unknown) => e,
  );
  const content = contentErrorIn(error);
  assert.ok(content, `expected a ContentError, got ${String(error)}`);
  const base = "test/fixtures/blog-bad-image/content/blog/2025";
  assert.match(content.message, new RegExp(`${base}/photo-absente/index\\.fr\\.md:4 · image · "salle\\.jpg" is not in photo-absente/`));
  assert.match(content.message, new RegExp(`${base}/mauvais-format/index\\.fr\\.md:4 · image · expected a JPEG, PNG, WebP or AVIF photo, found "affiche\\.pdf"`));
});

/** Eleventy wraps the error of a failed build; the ContentError is somewhere down its causes. */
function contentErrorIn(error: unknown): ContentError | undefined {
  type Wrapped = { cause?: unknown; originalError?: unknown };
  for (let e: unknown = error; e; e = (e as Wrapped).cause ?? (e as Wrapped).originalError) {
    if (e instanceof ContentError) return e;
  }
  return undefined;
}
