/**
 * `npm start` as a writer lives it, in a real Chromium tab: a saved post shows
 * in the open tab by itself, its text or its title (and its translation says
 * its original changed), and a new first paragraph
 * in its feeds; the blog list keeps a post's new title after another post is saved; a content mistake replaces the page with the problem (file,
 * line, field) and the next good save brings the page back; a new post is
 * served and its first edit shows; a tag no post uses any more and a deleted
 * post are gone. A data file added
 * beside a post, and then removed, shows and stops showing; a missing photo
 * stops the page until it is added beside the post.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startDevServer, type DevServer } from "../../scripts/dev/dev-server.ts";
import { after, before, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_PATH, browserSuite } from "../helpers/browser.ts";
import { contentWorkFolder, copyStarter } from "../helpers/build.ts";

const skip = browserSuite();
/** A rebuild of the small starter site; generous for a loaded CI machine. */
const SHOWN_WITHIN_MS = 60_000;
const POST = "blog/2025/install-party-printemps";

const work = contentWorkFolder("dev-loop");
const content = path.join(work, "content");
const postFile = path.join(content, POST, "index.fr.md");
let server: DevServer | undefined;
let browser: Browser | undefined;
let base = "";


/** The post's Markdown with `edit` applied, saved as a writer's editor does. */
function save(edit: (source: string) => string) {
  writeFileSync(postFile, edit(readFileSync(postFile, "utf8")));
}

/** Waits until the tab shows `text`; on failure, says what npm start printed last. */
async function shows(page: Page, text: string) {
  const deadline = Date.now() + SHOWN_WITHIN_MS;
  for (;;) {
    try {
      // The dev server patches the page or reloads it; a reload ends this wait, so wait again.
      // Whitespace folded: French typography puts no-break spaces after short words in lists.
      await page.waitForFunction((t) => document.body?.textContent?.replace(/\s+/g, " ").includes(t), text, { timeout: Math.max(1, deadline - Date.now()), polling: 100 });
      return;
    } catch (error) {
      if (Date.now() >= deadline) {
        const shown = await page.evaluate(() => `${location.pathname}: ${document.querySelector("h1")?.textContent}`).catch((e: Error) => e.message);
        throw new Error(`the tab (${shown}) never showed ${JSON.stringify(text)}; npm start printed:\n${server!.log().slice(-2500)}`, { cause: error });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * `page.goto`, again when the dev server's reload interrupts it: a tab open on
 * another page reloads when a rebuild that started before ends (two files saved).
 */
async function visit(page: Page, url: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      // The dev server's reload of the tab interrupts a navigation ("interrupted by another
      // navigation") or cancels it (net::ERR_ABORTED), depending on when it comes.
      if (attempt === 3 || !/interrupted by another navigation|net::ERR_ABORTED/.test((error as Error).message)) throw error;
    }
  }
}

/** The HTTP statuses of `urls`, polled until each is `expected` or the wait is over. */
async function statusesBecome(urls: string[], expected: number): Promise<number[]> {
  const statuses = async () => Promise.all(urls.map(async (url) => (await fetch(url)).status));
  let found = await statuses();
  for (let waited = 0; found.some((s) => s !== expected) && waited < SHOWN_WITHIN_MS; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    found = await statuses();
  }
  return found;
}

before(async () => {
  if (skip) return;
  copyStarter(work);
  // The starter's posts up to 2025 only, as they stood at one date whatever the machine's
  // clock says: the saves below name where their posts show (the blog's first page, the home
  // page's latest posts), and npm start lists drafts and scheduled posts too.
  for (const year of ["2026", "2027"]) rmSync(path.join(content, "blog", year), { recursive: true, force: true });
  const now = process.env.SITE_NOW;
  process.env.SITE_NOW = "2026-06-01T12:00";
  try {
    server = await startDevServer(content, path.join(work, "site"));
  } finally {
    if (now === undefined) delete process.env.SITE_NOW;
    else process.env.SITE_NOW = now;
  }
  base = server.base;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  // Pagefind's process may still be writing the index it was given last.
  rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

test("npm start: saves show in the open tab, mistakes show as a page naming file, line and field", { skip }, async (t) => {
  const page = await browser!.newPage();
  page.on("console", (m) => server!.note(`[tab] ${m.text()}`));
  await visit(page, `${base}/${POST}/`);

  await t.test("a sentence added at the end of a post shows in its open tab", async () => {
    save((s) => `${s.trimEnd()}\n\nUne phrase ajoutée pendant la relecture.\n`);
    await shows(page, "Une phrase ajoutée pendant la relecture.");
  });

  await t.test("the post's translation then says its original changed, and the translations page lists it to update", async () => {
    // Its English version recorded the French text before that sentence (translationOf).
    const translation = await browser!.newPage();
    await visit(translation, `${base}/en/${POST}/`);
    await shows(translation, "The original French text has changed since this translation was written.");
    await visit(translation, `${base}/translations/`);
    const row = translation.locator("tr", { hasText: `${POST}/index.fr.md` });
    assert.match(await row.innerText(), /À mettre à jour/);
    await translation.close();
  });

  await t.test("a mistake in the text alone (only this page changes) also replaces the page with the problem", async () => {
    const good = readFileSync(postFile, "utf8");
    save((s) => `${s.trimEnd()}\n\n<iframe src="https://video.example.org/w/1"></iframe>\n`);
    await shows(page, "stopped the build");
    const text = await page.locator("main").innerText();
    assert.match(text, new RegExp(`${POST}/index\\.fr\\.md:\\d+ · <iframe> · raw <iframe>`), text);
    writeFileSync(postFile, good);
    await shows(page, "Une phrase ajoutée pendant la relecture.");
  });

  await t.test("a new title shows in the open tab", async () => {
    save((s) => s.replace(/^title: .*$/m, "title: Install party du printemps, édition revue"));
    await shows(page, "Install party du printemps, édition revue");
  });

  await t.test("after another post is saved, the blog list shows both posts' new titles", async () => {
    // That rebuild keeps the data of the post saved before, as read with its new title.
    const other = path.join(content, "blog/2025/campagne-de-dons/index.fr.md");
    writeFileSync(other, readFileSync(other, "utf8").replace(/^title: .*$/m, 'title: "Campagne de dons, version relue"'));
    const list = await browser!.newPage();
    await visit(list, `${base}/blog/`);
    await shows(list, "Campagne de dons, version relue");
    await shows(list, "Install party du printemps, édition revue");
    // The home page shows the latest posts without paginating over them: it renders again too.
    await visit(list, `${base}/`);
    await shows(list, "Campagne de dons, version relue");
    // So does the post whose "previous" or "next" link names it.
    await visit(list, `${base}/blog/2025/atelier-chiffrement/`);
    await shows(list, "Campagne de dons, version relue");
    await list.close();
  });

  await t.test("an event's and a doc's new titles show on the pages that list them without paginating: the agenda, the other docs' menu", async () => {
    const event = path.join(content, "events/2027/permanence-numerique/index.fr.md");
    writeFileSync(event, readFileSync(event, "utf8").replace(/^title: .*$/m, "title: Permanence numérique du samedi"));
    const doc = path.join(content, "docs/ecrire/publier-un-article.fr.md");
    writeFileSync(doc, readFileSync(doc, "utf8").replace(/^title: .*$/m, "title: Publier un article sur le blog"));
    const agenda = await browser!.newPage();
    await visit(agenda, `${base}/events/`);
    await shows(agenda, "Permanence numérique du samedi");
    // A tab of its own: the two saves are two rebuilds, and the agenda's tab may still be
    // told to reload by the second one, which sent it back to /events/ mid-navigation.
    const docs = await browser!.newPage();
    await visit(docs, `${base}/docs/ecrire/creer-un-evenement/`);
    await shows(docs, "Publier un article sur le blog");
    await docs.close();
    await agenda.close();
  });

  await t.test("a data file beside the post is taken in, still after the next save of the post, and its removal too", async () => {
    // A save of Markdown alone keeps the data files Eleventy has read; a data file's own change is read again.
    const dataFile = path.join(content, POST, "install-party-printemps.11tydata.json");
    writeFileSync(dataFile, JSON.stringify({ updated: "2025-04-20T09:00" }));
    await shows(page, "mis à jour le 20 avril 2025");
    save((s) => `${s.trimEnd()}\n\nUne phrase ajoutée après le fichier de données.\n`);
    await shows(page, "Une phrase ajoutée après le fichier de données.");
    assert.match(await page.locator("main").innerText(), /mis à jour le 20 avril 2025/);
    rmSync(dataFile);
    const deadline = Date.now() + SHOWN_WITHIN_MS;
    while ((await page.locator("main").innerText()).includes("mis à jour le 20 avril 2025") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.doesNotMatch(await page.locator("main").innerText(), /mis à jour le 20 avril 2025/);
  });

  await t.test("a photo the post shows but that is missing stops the page; adding the photo, without saving the post, brings it back", async () => {
    const alt = "Les tables rangées après l’install party";
    save((s) => `${s.trimEnd()}\n\n![${alt}](rangement.jpg)\n`);
    await shows(page, "stopped the build");
    const text = await page.locator("main").innerText();
    assert.match(text, new RegExp(`${POST}/index\\.fr\\.md:\\d+ · .*the image "rangement\\.jpg" does not exist`), text);
    cpSync(path.join(content, POST, "tables.jpg"), path.join(content, POST, "rangement.jpg"));
    await page.waitForSelector(`img[alt="${alt}"]`, { timeout: SHOWN_WITHIN_MS });
  });

  await t.test("a photo cut off by an interrupted copy stops the page; copying it whole again brings it back", async () => {
    // Served as it is, eleventy-img's grey placeholder stood in for it, and nothing said why.
    const photo = path.join(content, POST, "rangement.jpg");
    const whole = readFileSync(photo);
    writeFileSync(photo, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await shows(page, "stopped the build");
    const text = await page.locator("main").innerText();
    assert.match(text, new RegExp(`${POST}/index\\.fr\\.md:\\d+ · rangement\\.jpg · the image "rangement\\.jpg" is damaged or cut off \\(sharp: Premature end of input file\\)`), text);
    writeFileSync(photo, whole);
    await page.waitForSelector('img[alt="Les tables rangées après l’install party"]', { timeout: SHOWN_WITHIN_MS });
  });

  await t.test("a wrong date replaces the page with the problem; fixing it brings the page back", async () => {
    const good = readFileSync(postFile, "utf8");
    save((s) => s.replace(/^date: .*$/m, "date: le 3 avril"));
    await shows(page, "stopped the build");
    const text = await page.locator("main").innerText();
    assert.match(text, new RegExp(`${POST}/index\\.fr\\.md:\\d+ · date · `), text);
    writeFileSync(postFile, good);
    await shows(page, "Install party du printemps, édition revue");
  });

  await t.test("a wrong original language replaces the page with the problem; fixing it brings the page back", async () => {
    const good = readFileSync(postFile, "utf8");
    save((s) => s.replace(/^date: /m, "original: de\ndate: "));
    await shows(page, "stopped the build");
    const text = await page.locator("main").innerText();
    assert.match(text, new RegExp(`${POST}/index\\.fr\\.md:3 · original · expected one of the site's languages \\(fr, en\\), found "de"`), text);
    writeFileSync(postFile, good);
    await shows(page, "Install party du printemps, édition revue");
  });

  await t.test("a new first paragraph shows in the post's feeds, the next one replaces it, other feeds and pages stay as they were", async () => {
    const feed = async (url: string) => (await fetch(`${base}${url}`)).text();
    /** Waits until the feed at `url` has `text` and not `gone`. */
    const feedShows = async (url: string, text: string, gone?: string) => {
      let body = "";
      for (let waited = 0; waited < SHOWN_WITHIN_MS; waited += 250) {
        body = await feed(url);
        if (body.includes(text) && !(gone && body.includes(gone))) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.fail(`${url} never showed ${JSON.stringify(text)}${gone ? ` without ${JSON.stringify(gone)}` : ""}; npm start printed:\n${server!.log().slice(-2500)}`);
    };
    // The English feed: the post's English version is another file, left as it was.
    const english = await feed("/en/atom.xml");
    const first = "Un premier paragraphe écrit pendant la relecture.";
    const second = "Un autre premier paragraphe, relu deux fois.";
    save((s) => s.replace(/\n---\n\n/, `\n---\n\n${first}\n\n`));
    await shows(page, first);
    await feedShows("/atom.xml", first);
    await feedShows("/blog/tags/install-party/atom.xml", first);
    // Every tag page renders again; one the post is not on comes out the same and
    // is not written again, unless its file is gone.
    const site = path.join(work, "site");
    const kept = path.join(site, "blog/tags/nextcloud/index.html");
    const removed = path.join(site, "blog/tags/docker/index.html");
    const [keptBefore, removedBefore] = [statSync(kept).mtimeMs, readFileSync(removed, "utf8")];
    rmSync(removed);
    save((s) => s.replace(first, second));
    await shows(page, second);
    await feedShows("/atom.xml", second, first);
    await feedShows("/blog/tags/install-party/atom.xml", second, first);
    assert.equal(await feed("/en/atom.xml"), english);
    assert.equal(statSync(kept).mtimeMs, keptBefore);
    assert.equal(readFileSync(removed, "utf8"), removedBefore);
  });

  await t.test("a new first paragraph shows on every list page that shows the post, the other list pages are left as they were", async () => {
    // This post's cards show its text up to <!-- more -->. Its front matter stays the same,
    // so the lists that show it do not change: only those pages render again.
    const file = path.join(content, "blog/2025/atelier-chiffrement/index.fr.md");
    const lead = "Un nouveau premier paragraphe pour les listes du blog.";
    const site = path.join(work, "site");
    const untouched = ["blog/page/2/index.html", "blog/tags/install-party/index.html", "blog/2024/index.html"].map((f) => path.join(site, f));
    const before = untouched.map((f) => statSync(f).mtimeMs);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n---\n\n/, `\n---\n\n${lead}\n\n`));
    const list = await browser!.newPage();
    for (const url of ["/blog/", "/blog/tags/messagerie/", "/blog/tags/guide/"]) {
      await visit(list, `${base}${url}`);
      await shows(list, lead);
    }
    await list.close();
    assert.deepEqual(untouched.map((f) => statSync(f).mtimeMs), before);
  });

  await t.test("a new post is served; its edits show in its tab, in its English copy's and in the English list", async () => {
    const file = path.join(content, "blog/2025/permanence-de-decembre/index.fr.md");
    const source = [
      "---",
      'title: "Permanence de décembre : venez avec vos questions"',
      "date: 2025-11-20T18:00",
      'summary: "Chaque premier jeudi du mois, nous répondons sur place à vos questions sur vos comptes et vos sauvegardes."',
      "tags: [install-party]",
      "---",
      "",
      "La permanence de décembre aura lieu à la maison de quartier, de 18 h à 20 h.",
      "",
    ].join("\n");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, source);
    assert.deepEqual(await statusesBecome([`${base}/blog/2025/permanence-de-decembre/`], 200), [200]);
    // Eleventy failed on the first save after a page was added ("templateRender has not yet initialized").
    save((s) => s.replace(/^title: .*$/m, "title: Install party du printemps, après l'ajout d'un billet"));
    await shows(page, "Install party du printemps, après l'ajout d'un billet");
    const added = await browser!.newPage();
    await visit(added, `${base}/blog/2025/permanence-de-decembre/`);
    await shows(added, "de 18 h à 20 h");
    const copy = await browser!.newPage();
    await visit(copy, `${base}/en/blog/2025/permanence-de-decembre/`);
    await shows(copy, "de 18 h à 20 h");
    // Untranslated, it is also published in English: its copy shows each edit of its text,
    // and of its front matter, as its own page does.
    writeFileSync(file, `${source}\nApportez votre ordinateur si vous le pouvez.\n`);
    await shows(added, "Apportez votre ordinateur si vous le pouvez.");
    await shows(copy, "Apportez votre ordinateur si vous le pouvez.");
    writeFileSync(file, `${source.replace("Permanence de décembre", "Permanence du jeudi 4 décembre")}\nApportez votre ordinateur si vous le pouvez.\n`);
    await shows(copy, "Permanence du jeudi 4 décembre");
    await visit(copy, `${base}/en/blog/`);
    await shows(copy, "Permanence du jeudi 4 décembre");
    await copy.close();
    await added.close();
  });

  await t.test("an English translation added takes its copy's place, in its tab and the English list; deleted, the copy comes back", async () => {
    const file = path.join(content, "blog/2025/permanence-de-decembre/index.en.md");
    const tab = await browser!.newPage();
    await visit(tab, `${base}/en/blog/2025/permanence-de-decembre/`);
    await shows(tab, "de 18 h à 20 h");
    writeFileSync(
      file,
      [
        "---",
        'title: "December drop-in: bring your questions"',
        "date: 2025-11-20T18:00",
        'summary: "On the first Thursday of each month, we answer your questions about your accounts and backups in person."',
        "tags: [install-party]",
        "---",
        "",
        "The December drop-in takes place at the community centre, from 6 to 8 pm.",
        "",
      ].join("\n"),
    );
    await shows(tab, "from 6 to 8 pm");
    assert.equal(await tab.locator(".notice-untranslated").count(), 0, "the translation shows no notice");
    const list = await browser!.newPage();
    await visit(list, `${base}/en/blog/`);
    await shows(list, "December drop-in: bring your questions");
    // Deleted, the English page is the copy of the French original again, under its notice.
    rmSync(file);
    await shows(tab, "de 18 h à 20 h");
    assert.equal(await tab.locator(".notice-untranslated").count(), 1, "the copy shows its notice");
    await shows(list, "Permanence du jeudi 4 décembre");
    await list.close();
    await tab.close();
  });

  await t.test("an event's recap naming a post not written yet stops the build; the post added, the event is back", async () => {
    const event = path.join(content, "events/2025/install-party-janvier/index.fr.md");
    const tab = await browser!.newPage();
    await visit(tab, `${base}/events/2025/install-party-janvier/`);
    await shows(tab, "Install party de janvier");
    writeFileSync(event, readFileSync(event, "utf8").replace(/^price: /m, "recap: blog/2025/retour-install-party-janvier\nprice: "));
    await shows(tab, "stopped the build");
    assert.match(await tab.locator("main").innerText(), /install-party-janvier\/index\.fr\.md:\d+ · recap · expected a page of the site/);
    const recap = path.join(content, "blog/2025/retour-install-party-janvier/index.fr.md");
    mkdirSync(path.dirname(recap), { recursive: true });
    writeFileSync(recap, ["---", 'title: "Retour sur l’install party de janvier"', "date: 2025-01-20T10:00", "tags: [install-party]", "---", "", "Quatorze ordinateurs sont repartis avec un système libre.", ""].join("\n"));
    await shows(tab, "Install party de janvier");
    assert.equal(await tab.locator("text=stopped the build").count(), 0);
    await tab.close();
  });

  await t.test("a tag that no post uses any more is no longer served, in either language", async () => {
    const file = path.join(content, "blog/2025/permanence-de-decembre/index.fr.md");
    const retag = (tags: string) => writeFileSync(file, readFileSync(file, "utf8").replace(/^tags: .*$/m, `tags: [${tags}]`));
    const tagPages = [`${base}/blog/tags/permanence/`, `${base}/en/blog/tags/permanence/`, `${base}/blog/tags/permanence/feed.xml`];
    retag("install-party, permanence");
    assert.deepEqual(await statusesBecome(tagPages, 200), [200, 200, 200]);
    retag("install-party");
    assert.deepEqual(await statusesBecome(tagPages, 404), [404, 404, 404]);
    assert.equal((await fetch(`${base}/blog/tags/install-party/`)).status, 200, "the tag the post kept is still served");
  });

  await t.test("a deleted post is no longer served, nor its English copy", async () => {
    rmSync(path.join(content, "blog/2025/nouveau-serveur"), { recursive: true });
    assert.deepEqual(await statusesBecome([`${base}/blog/2025/nouveau-serveur/`, `${base}/en/blog/2025/nouveau-serveur/`], 404), [404, 404]);
  });
});
