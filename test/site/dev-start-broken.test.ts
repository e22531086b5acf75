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
import { test, type TestContext } from "node:test";
import { startDevServer, type DevServer } from "../../scripts/dev/dev-server.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";

const POST = "blog/2025/install-party-printemps";

/**
 * npm start on a copy of the starter that `spoil` changed first; the server is
 * stopped and the folder removed after the test. `post()` fetches the post's page.
 */
async function startSpoilt(t: TestContext, name: string, spoil: (content: string) => void) {
  const work = contentWorkFolder(name);
  let server: DevServer | undefined;
  t.after(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  });
  const content = copyStarter(work);
  spoil(content);
  server = await startDevServer(content, path.join(work, "site"));
  const { base } = server;
  const post = async () => (await fetch(`${base}/${POST}/`)).text();
  /** The post's page once it holds `text` (after a save: the rebuild's time, within a minute). */
  const postOnce = async (text: string) => {
    const deadline = Date.now() + 60_000;
    let html = await post();
    while (!html.includes(text) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      html = await post();
    }
    return html;
  };
  return { content, server, post, postOnce };
}

test("npm start with a wrong date already in a post: the server starts on the problem, and the fix brings the post back", async (t) => {
  let file = "";
  let good = "";
  const { server, post, postOnce } = await startSpoilt(t, "dev-start-broken", (content) => {
    file = path.join(content, POST, "index.fr.md");
    good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace(/^date: .*$/m, "date: le 3 avril"));
  });

  const shown = await post();
  assert.match(shown, /<h1>1 content problem stopped the build<\/h1>/, server.log());
  assert.match(shown, new RegExp(`${POST}/index\\.fr\\.md:\\d+</code> · <strong>date</strong> · expected a date like`));

  writeFileSync(file, good);
  assert.match(await postOnce("Install party de printemps"), /<h1[^>]*>Install party de printemps/, server.log());
});

test("npm start with a post's preview photo (its image: field) cut off: the tab names the field, and the photo copied whole brings the post back", async (t) => {
  let photo = "";
  let whole = Buffer.alloc(0);
  const { server, post, postOnce } = await startSpoilt(t, "dev-start-cut-image", (content) => {
    photo = path.join(content, POST, "tables.jpg");
    whole = readFileSync(photo);
    writeFileSync(photo, whole.subarray(0, Math.floor(whole.length * 0.6)));
  });

  const shown = await post();
  assert.match(shown, /<h1>1 content problem stopped the build<\/h1>/, server.log());
  // Line 6 of index.fr.md, line 7 of index.en.md: whichever page came first.
  assert.match(shown, new RegExp(`${POST}/index\\.(fr\\.md:6|en\\.md:7)</code> · <strong>image</strong> · the image &quot;tables\\.jpg&quot; is damaged or cut off`));

  writeFileSync(photo, whole);
  assert.match(await postOnce("og:image"), /<meta property="og:image" content="[^"]+\/img\/[^"]+-1200\.jpeg">/, server.log());
});
