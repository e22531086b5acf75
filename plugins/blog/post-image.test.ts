import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import sharp from "sharp";
import { useKeptResultsPlace } from "../core/kept-results.ts";
import { OG_IMAGE_WIDTH, postImageEncoder } from "./post-image.ts";

describe("a post's og:image", () => {
  const root = mkdtempSync(path.join(tmpdir(), "post-image-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  const photo = path.join(root, "content", "photo.jpg");
  const encoder = () => postImageEncoder({ outputDir: path.join(root, "_site", "img"), urlPath: "/img/", cacheDir: path.join(root, "cache") });

  it("is kept for the next npm run build while its photo has the same size and modification time, and made again when they change", async () => {
    mkdirSync(path.dirname(photo), { recursive: true });
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: "#4a6" } }).jpeg().toFile(photo);
    utimesSync(photo, 1_700_000_000, 1_700_000_000); // whole seconds, so that it can be put back exactly
    useKeptResultsPlace({ dir: path.join(root, "kept"), code: "test" });
    try {
      const first = encoder();
      const image = await first.encode(photo);
      assert.equal(image.width, OG_IMAGE_WIDTH);
      assert.match(image.url, /^\/img\/[\w-]+-1200\.jpeg$/);
      first.save();
      rmSync(path.join(root, "_site"), { recursive: true }); // a fresh output: the JPEG comes back from the cache folder

      // The same bytes' length and the same modification time, but no longer a photo:
      // taken from what the last build kept, eleventy-img does not read it.
      writeFileSync(photo, Buffer.alloc(statSync(photo).size, 0));
      utimesSync(photo, 1_700_000_000, 1_700_000_000);
      const kept = await encoder().encode(photo);
      assert.deepEqual(kept, image);
      assert.ok(readFileSync(path.join(root, "_site", image.url)).length > 0, "its file is back in the output");

      // Touched: read again, and found damaged.
      utimesSync(photo, new Date(), new Date());
      await assert.rejects(encoder().encode(photo));
    } finally {
      useKeptResultsPlace(undefined);
    }
  });
});
