/**
 * `npm start` on content that already holds a mistake (a branch pulled with a
 * wrong date, a photo cut off before the server started): the server starts,
 * every page shows the problem, and the save that fixes it brings the site back.
 * The first build's failure used to throw out of Eleventy's watch(): no server,
 * a stack trace in the terminal.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { startDevServer, type DevServer } from "../../scripts/dev/dev-server.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";

const POST = "blog/2025/install-party-printemps";

test("npm start with a wrong date already in a post: the server starts on the problem, and the fix brings the post back", async (t) => {
  const work = contentWorkFolder("dev-start-broken");
  let server: DevServer | undefined;
  t.after(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });
  const content = copyStarter(work);
  const file = path.join(content, POST, "index.fr.md");
  const good = readFileSync(file, "utf8");
  writeFileSync(file, good.replace(/^date: .*$/m, "date: le 3 avril"));
  server = await startDevServer(content, path.join(work, "site"));
  const { base } = server;
  const page = async () => (await fetch(`${base}/${POST}/`)).text();

  const shown = await page();
  assert.match(shown, /<h1>1 content problem stopped the build<\/h1>/, server!.log());
  assert.match(shown, new RegExp(`${POST}/index\\.fr\\.md:\\d+</code> · <strong>date</strong> · expected a date like`));

  writeFileSync(file, good);
  const deadline = Date.now() + 60_000;
  let html = await page();
  while (!html.includes("Install party de printemps") && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    html = await page();
  }
  assert.match(html, /<h1[^>]*>Install party de printemps/, server!.log());
});

test("npm start with a post's preview photo (its image: field) cut off: the tab names the field, and the photo copied whole brings the post back", async (t) => {
  const work = contentWorkFolder("dev-start-cut-image");
  let server: DevServer | undefined;
  t.after(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });
  const content = copyStarter(work);
  const photo = path.join(content, POST, "tables.jpg");
  const whole = readFileSync(photo);
  writeFileSync(photo, whole.subarray(0, Math.floor(whole.length * 0.6)));
  server = await startDevServer(content, path.join(work, "site"));
  const { base } = server;
  const page = async () => (await fetch(`${base}/${POST}/`)).text();

  const shown = await page();
  assert.match(shown, /<h1>1 content problem stopped the build<\/h1>/, server!.log());
  // Line 6 of index.fr.md, line 7 of index.en.md: whichever page came first.
  assert.match(shown, new RegExp(`${POST}/index\\.(fr\\.md:6|en\\.md:7)</code> · <strong>image</strong> · the image &quot;tables\\.jpg&quot; is damaged or cut off`));

  writeFileSync(photo, whole);
  const deadline = Date.now() + 60_000;
  let html = await page();
  while (!html.includes("og:image") && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    html = await page();
  }
  assert.match(html, /<meta property="og:image" content="[^"]+\/img\/[^"]+-1200\.jpeg">/, server!.log());
});
