import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { BUILD_MARKER, dropUnwritten, listOutput, prepareOutput, sweepFiles, writeMarker } from "./build-marker.ts";

const write = (root: string, file: string, text = file) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
/** As build.ts begins after a production build: the output readied, marked, and the instant from which a file is this build's. */
function startBuild(output: string): { carried: string[]; since: number } {
  writeMarker(output, "production");
  const prepared = prepareOutput(output, [], ["pagefind"]);
  assert.ok("carried" in prepared);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30); // a later tick of the file system's clock
  writeMarker(output, "incomplete");
  return { carried: prepared.carried, since: statSync(path.join(output, BUILD_MARKER)).ctimeMs };
}

test("after a build written over the last one, what it did not write goes, and so do the folders left empty", () => {
  const output = mkdtempSync(path.join(tmpdir(), "sweep-"));
  try {
    for (const file of ["index.html", "blog/kept/index.html", "blog/gone/index.html", "blog/gone/photo.jpg", "pagefind/fragment/fr_1.pf_fragment", "pagefind/pagefind-entry.json"]) write(output, file);
    const { carried, since } = startBuild(output);
    // This build: two pages written again, and the search plugin's folder (it cleans it
    // itself: it deletes the files Pagefind writes again, plugins/search/carry-over.ts).
    write(output, "index.html", "new");
    write(output, "blog/kept/index.html", "new");
    rmSync(path.join(output, "pagefind/pagefind-entry.json"));
    write(output, "pagefind/pagefind-entry.json", "new");

    assert.equal(sweepFiles(output, since, { carried }), 2);
    dropUnwritten(carried, since);
    assert.ok(existsSync(path.join(output, "blog/kept/index.html")));
    assert.ok(!existsSync(path.join(output, "blog/gone")), "the deleted page's folder, left empty");
    assert.ok(existsSync(path.join(output, "pagefind/fragment/fr_1.pf_fragment")), "left to the search plugin");
    assert.ok(existsSync(path.join(output, BUILD_MARKER)));
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});

test("a carried folder no plugin wrote into (a site without search) goes whole; from a dev build it goes first", () => {
  const output = mkdtempSync(path.join(tmpdir(), "sweep-"));
  try {
    write(output, "index.html");
    write(output, "pagefind/pagefind-entry.json");
    const { carried, since } = startBuild(output);
    write(output, "index.html", "new");
    sweepFiles(output, since, { carried });
    dropUnwritten(carried, since);
    assert.ok(!existsSync(path.join(output, "pagefind")));
    assert.ok(existsSync(path.join(output, "index.html")));

    write(output, "pagefind/pagefind-entry.json");
    writeMarker(output, "dev");
    assert.deepEqual(prepareOutput(output, [], ["pagefind"]), { carried: [] });
    assert.ok(!existsSync(path.join(output, "pagefind")), "a dev build's index has drafts");
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});

test("a carried folder deeper in the output is left alone too", () => {
  const output = mkdtempSync(path.join(tmpdir(), "sweep-"));
  try {
    for (const file of ["index.html", "en/old/index.html", "en/pagefind/fragment/en_1.pf_fragment"]) write(output, file);
    writeMarker(output, "production");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
    writeMarker(output, "incomplete");
    const since = statSync(path.join(output, BUILD_MARKER)).ctimeMs;
    write(output, "index.html", "new");
    write(output, "en/pagefind/pagefind-entry.json", "new");
    assert.equal(sweepFiles(output, since, { carried: [path.join(output, "en/pagefind")] }), 1);
    dropUnwritten([path.join(output, "en/pagefind")], since);
    assert.ok(!existsSync(path.join(output, "en/old")));
    assert.ok(existsSync(path.join(output, "en/pagefind/fragment/en_1.pf_fragment")));
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});

test("swept while the search index is still being written: its folder is left until the build is over, then goes if nothing was written into it", () => {
  const output = mkdtempSync(path.join(tmpdir(), "sweep-"));
  try {
    for (const file of ["index.html", "blog/gone/index.html", "pagefind/pagefind-entry.json"]) write(output, file);
    const { carried, since } = startBuild(output);
    write(output, "index.html", "new");
    // build.ts: the pages are written, Pagefind has not yet written into its folder.
    assert.equal(sweepFiles(output, since, { carried }), 1);
    assert.ok(!existsSync(path.join(output, "blog")));
    assert.ok(existsSync(path.join(output, "pagefind/pagefind-entry.json")), "left while Pagefind may still write into it");
    // The build is over and nothing was written into it (a site without search).
    dropUnwritten(carried, since);
    assert.ok(!existsSync(path.join(output, "pagefind")));
    assert.ok(existsSync(path.join(output, "index.html")));
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});

test("listed in a worker as the build begins: the sweep deletes what the build left, whatever the build did to the folder meanwhile", async () => {
  const output = mkdtempSync(path.join(tmpdir(), "sweep-"));
  try {
    const before = ["index.html", "blog/gone/index.html", "blog/replaced", "blog/deleted/index.html", "img/old.jpg", "pagefind/pagefind-entry.json"];
    for (const file of before) write(output, file);
    const { carried, since } = startBuild(output);
    const listed = await listOutput(output, carried);
    // What the walk on the main thread would have found, the carried folder left out.
    assert.deepEqual(listed, ["blog/deleted/index.html", "blog/gone/index.html", "blog/replaced", "img/old.jpg", "index.html", BUILD_MARKER].sort());
    // The build: a page written again, a new page, a file of the last build replaced by a
    // folder (patches/: Eleventy's #clearLastBuildFile), a folder it removed itself.
    write(output, "index.html", "new");
    write(output, "blog/new/index.html", "new");
    rmSync(path.join(output, "blog/replaced"));
    write(output, "blog/replaced/index.html", "new");
    rmSync(path.join(output, "blog/deleted"), { recursive: true });

    assert.equal(sweepFiles(output, since, { carried, listed }), 2);
    for (const file of ["index.html", "blog/new/index.html", "blog/replaced/index.html", "pagefind/pagefind-entry.json", BUILD_MARKER]) {
      assert.ok(existsSync(path.join(output, file)), `${file} stays`);
    }
    assert.ok(!existsSync(path.join(output, "blog/gone")), "the page the build did not make, and its folder");
    assert.ok(!existsSync(path.join(output, "img")), "the photo no page shows, and its folder");
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});

test("the listing of a folder that is not there fails softly: the sweep then walks the folder itself", async () => {
  assert.equal(await listOutput(path.join(tmpdir(), "sweep-none-such-folder")), undefined);
});
