import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "node:test";
import { BundleFiles, download, fileNameOf, type FileMap } from "./files.ts";

test("file names are readable ASCII with their extension", () => {
  assert.equal(fileNameOf(new URL("https://o.example/img/Salle%20B%C3%A9.PNG")), "salle-be.png");
  assert.equal(fileNameOf(new URL("https://o.example/")), "file");
});

test("one name per address in a bundle; two addresses never share one, nor take a page's name", () => {
  const files = new BundleFiles();
  assert.equal(files.name(new URL("https://o.example/a/photo.jpg")), "photo.jpg");
  assert.equal(files.name(new URL("https://o.example/a/photo.jpg#x")), "photo.jpg");
  assert.equal(files.name(new URL("https://o.example/b/photo.jpg")), "2-photo.jpg");
  assert.equal(files.name(new URL("https://o.example/index.fr.md")), "index-fr.md", "dots of the stem go: no page name");
});

test("download: fetches over http and file:, skips what is on disk, records what is missing and why", async () => {
  const server = createServer((req, res) => (req.url === "/ok.png" ? res.end("png bytes") : res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const root = mkdtempSync(path.join(tmpdir(), "import-files-"));
    const local = path.join(root, "source.pdf");
    writeFileSync(local, "pdf bytes");
    const map: FileMap = {};
    const wanted = [
      { url: `${origin}/ok.png`, file: "content/a/ok.png" },
      { url: `${origin}/gone.png`, file: "content/a/gone.png" },
      { url: pathToFileURL(local).href, file: "content/a/source.pdf" },
    ];
    const dry = await download(root, wanted, map, true);
    assert.equal(dry.missing.length, 3);
    assert.ok(!existsSync(path.join(root, "content/a/ok.png")), "a dry run writes nothing");
    const first = await download(root, wanted, map, false);
    assert.deepEqual(first.fetched.map((f) => f.file), ["content/a/ok.png", "content/a/source.pdf"]);
    assert.deepEqual(first.missing.map((f) => [f.file, f.error]), [["content/a/gone.png", "HTTP 404"]]);
    assert.equal(readFileSync(path.join(root, "content/a/ok.png"), "utf8"), "png bytes");
    assert.deepEqual(map[`${origin}/gone.png`], { file: "content/a/gone.png", missing: "HTTP 404" });
    const second = await download(root, wanted, map, false);
    assert.deepEqual(second.present.map((f) => f.file), ["content/a/ok.png", "content/a/source.pdf"]);
    assert.equal(second.fetched.length, 0);
    // Another bundle needs the same address: copied from the first, not fetched.
    await new Promise((resolve) => server.close(resolve));
    const third = await download(root, [{ url: `${origin}/ok.png`, file: "content/b/ok.png" }], map, false);
    assert.deepEqual(third.present.map((f) => f.file), ["content/b/ok.png"]);
    assert.equal(readFileSync(path.join(root, "content/b/ok.png"), "utf8"), "png bytes");
  } finally {
    server.close();
  }
});
