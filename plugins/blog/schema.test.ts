import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { postImageProblems } from "./schema.ts";

test("a post's image must be a photo of its folder that the build can read", () => {
  const bundle = mkdtempSync(path.join(tmpdir(), "post-image-"));
  const file = "content/blog/2025/atelier/index.fr.md";
  const messages = (image: string) => postImageProblems(image, file, bundle).map((p) => `${p.field} · ${p.message}`);
  writeFileSync(path.join(bundle, "vide.jpg"), "");
  writeFileSync(path.join(bundle, "lfs.jpg"), "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213\n");
  writeFileSync(path.join(bundle, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
  assert.deepEqual(messages("absente.jpg"), [`image · "absente.jpg" is not in ${path.basename(bundle)}/ next to the post: add the image to the folder, or correct its name`]);
  assert.deepEqual(messages("vide.jpg"), ['image · the image "vide.jpg" is empty (0 bytes): copy the photo into the folder again']);
  assert.match(messages("lfs.jpg")[0]!, /^image · the image "lfs\.jpg" is a Git LFS pointer .*: run git lfs pull/);
  assert.deepEqual(messages("photo.jpg"), []);
  // Found by a Mac's disk, missing once published.
  assert.deepEqual(messages("Photo.jpg"), [
    `image · "Photo.jpg" is not in ${path.basename(bundle)}/ next to the post, which has "photo.jpg" (names are case-sensitive once published): write photo.jpg, or rename the file`,
  ]);
});
