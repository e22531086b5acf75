/**
 * Keeps encoded images between builds, outside the output folder.
 *
 * eleventy-img skips encoding a file when it already exists in its output
 * folder (`<output>/img/<hash>-<width>.<format>`; the hash covers the source's
 * bytes and the encoder settings, so a name always means the same content).
 * Its `cacheOptions` only concern remote images. So a build whose output was
 * wiped (a fresh CI checkout, `rm -rf _site`) would encode every image again.
 *
 * This class closes that gap with eleventy-img's own `filenameFormat` hook,
 * which it calls for each file before checking whether that file exists:
 * - `prepare()` restores the file from the cache folder when the output lacks it;
 * - `save()`, after the build, adds the files sharp wrote to the cache folder.
 * Files are hard-linked (no copy, no extra disk) and copied only across filesystems.
 * Only files this build uses are restored or touched, so the output never carries stale images.
 */
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { ImagesReport } from "./options.ts";

export class EncodedCache {
  /** Output path → file name, for every file this build's pages use. */
  #used = new Map<string, string>();
  /** Output paths that were already there before eleventy-img looked: nothing to encode. */
  #reused = new Set<string>();

  constructor(readonly cacheDir: string) {}

  /** Forget the previous build (watch mode rebuilds in the same process). */
  reset(): void {
    this.#used.clear();
    this.#reused.clear();
  }

  /** Makes `<outputDir>/<filename>` exist if the cache has it. Called before eleventy-img's existence check. */
  prepare(outputDir: string, filename: string): void {
    const target = path.join(outputDir, filename);
    if (this.#used.has(target)) return;
    this.#used.set(target, filename);
    let there = statSync(target, { throwIfNoEntry: false });
    // An encoded image is never empty: sharp leaves an empty file when decoding fails
    // (a photo cut off). Kept, eleventy-img would take it as done and the next build pass.
    if (there?.size === 0) {
      rmSync(target, { force: true });
      there = undefined;
    }
    if (there) {
      // The last build's file, which npm run build writes over: touched (its ctime), it
      // counts as this build's, and the sweep after the build keeps it (scripts/deploy/build-marker.ts).
      chmodSync(target, there.mode & 0o7777); // the same mode: only the ctime changes
    } else {
      const cached = path.join(this.cacheDir, filename);
      if (isEncoded(cached)) linkOrCopy(cached, target);
    }
    if (there || existsSync(target)) this.#reused.add(target);
  }

  /**
   * `prepare()` for a file the page's kept HTML names (../images/index.ts, `keptPages`):
   * true when it is in the output, restored or left by the last build.
   */
  restore(outputDir: string, filename: string): boolean {
    this.prepare(outputDir, filename);
    return this.#reused.has(path.join(outputDir, filename));
  }

  /** Puts every file encoded by this build into the cache, and says what happened. */
  save(): ImagesReport {
    for (const [target, filename] of this.#used) {
      const cached = path.join(this.cacheDir, filename);
      if (!existsSync(cached) && isEncoded(target)) linkOrCopy(target, cached);
    }
    return { files: this.#used.size, encoded: this.#used.size - this.#reused.size, reused: this.#reused.size };
  }
}

/** A file that exists and is not empty (see prepare()). */
function isEncoded(file: string): boolean {
  return (statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

function linkOrCopy(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return; // Another page's build got there first: same name, same bytes.
    // EXDEV (cache and output on different filesystems), or no hard links (some CI volumes).
    copyFileSync(from, to);
  }
}
