/**
 * The docs-tree fixture as a reader finds it: the sidebar in each language,
 * breadcrumbs, previous/next through the whole tree, edit links and dates.
 * One French page (Écureuil) has no English version.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { DateTime } from "luxon";
import { parse, type HTMLElement } from "node-html-parser";
import site from "../../data/site.ts";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { buildFailure, buildSite, type BuiltSite } from "../helpers/build.ts";

const SOURCE = "test/fixtures/docs-tree/content/docs";
let built: BuiltSite;

before(async () => {
  built = await buildSite({ fixture: "docs-tree" });
});

const page = (url: string): HTMLElement => parse(built.read(`${url.replace(/^\//, "")}index.html`));
const text = (e: HTMLElement) => e.text.replace(/\s+/g, " ").trim();
const sidebarLinks = (root: HTMLElement) => root.querySelectorAll(".doc-sidebar a");

describe("the docs sidebar", () => {
  test("lists the French tree by order, then by title, accents sorted as letters", () => {
    const links = sidebarLinks(page("/docs/guide/premiers-pas/"));
    assert.deepEqual(links.map(text), ["Documentation", "Guide", "Installer", "Premiers pas", "Écureuil", "Zèbre", "Référence", "Options"]);
    assert.ok(links.every((a) => a.getAttribute("href")!.startsWith("/docs/")));
  });

  test("lists the English tree with English titles, the untranslated page marked as French", () => {
    const links = sidebarLinks(page("/en/docs/guide/premiers-pas/"));
    assert.deepEqual(links.map(text), ["Documentation", "Guide", "Install", "First steps", "Écureuil (in French)", "Zebra", "Reference", "Options"]);
    assert.ok(links.every((a) => a.getAttribute("href")!.startsWith("/en/docs/")));
    const french = links[4]!.querySelector('[lang="fr"]');
    assert.equal(french && text(french), "Écureuil");
  });

  test("nests a section's pages under it", () => {
    const guide = page("/docs/").querySelectorAll(".doc-tree > li").find((li) => li.querySelector("a")?.text === "Guide")!;
    assert.deepEqual(guide.querySelectorAll("ul a").map(text), ["Installer", "Premiers pas", "Écureuil", "Zèbre"]);
  });

  test("marks the current page, and only it, with aria-current", () => {
    for (const url of ["/docs/", "/docs/guide/", "/docs/reference/options/", "/en/docs/guide/ecureuil/"]) {
      const current = page(url).querySelectorAll('.doc-sidebar [aria-current]');
      assert.equal(current.length, 1, url);
      assert.equal(current[0]!.getAttribute("aria-current"), "page");
      assert.equal(current[0]!.getAttribute("href"), url);
    }
  });
});

describe("breadcrumbs", () => {
  test("run from the docs home through the sections to the page", () => {
    const crumbs = page("/docs/reference/options/").querySelectorAll(".breadcrumbs li");
    assert.deepEqual(crumbs.map(text), ["Documentation", "Référence", "Options"]);
    assert.deepEqual(
      crumbs.map((li) => li.querySelector("a")?.getAttribute("href")),
      ["/docs/", "/docs/reference/", "/docs/reference/options/"],
    );
    assert.equal(crumbs.at(-1)!.querySelector("a")!.getAttribute("aria-current"), "page");
    assert.equal(page("/en/docs/guide/installer/").querySelector(".breadcrumbs")!.getAttribute("aria-label"), "Breadcrumbs");
  });

  test("are left out on the docs home", () => {
    assert.equal(page("/docs/").querySelector(".breadcrumbs"), null);
  });
});

describe("previous and next", () => {
  /** Follows rel=next from the docs home to the end. */
  function walk(start: string): string[] {
    const seen = [start];
    for (let url: string | undefined = start; url; ) {
      url = page(url).querySelector('.doc-pager a[rel="next"]')?.getAttribute("href");
      if (url) {
        assert.ok(!seen.includes(url), `loop at ${url}`);
        seen.push(url);
      }
    }
    return seen;
  }

  test("go through every page in the sidebar's order, across sections, in each language", () => {
    for (const home of ["/docs/", "/en/docs/"]) {
      assert.deepEqual(walk(home), sidebarLinks(page(home)).map((a) => a.getAttribute("href")));
    }
  });

  test("lead back the same way", () => {
    const zebre = page("/docs/guide/zebre/");
    assert.equal(zebre.querySelector('.doc-pager a[rel="prev"]')!.getAttribute("href"), "/docs/guide/ecureuil/");
    assert.match(text(zebre.querySelector('.doc-pager a[rel="next"]')!), /^Page suivante : Référence$/);
    assert.equal(page("/docs/").querySelector('.doc-pager a[rel="prev"]'), null);
    assert.equal(page("/en/docs/reference/options/").querySelector('.doc-pager a[rel="next"]'), null);
  });
});

describe("edit links and dates", () => {
  const editUrl = (file: string) => site.forge.editUrl.replace("{path}", file);

  test("an edit link opens the page's own Markdown file on the forge", () => {
    const fr = page("/docs/guide/installer/").querySelector(".doc-footer a")!;
    assert.equal(fr.getAttribute("href"), editUrl(`${SOURCE}/guide/installer.fr.md`));
    assert.equal(text(fr), "Modifier cette page sur la forge");
    assert.equal(page("/en/docs/reference/options/").querySelector(".doc-footer a")!.getAttribute("href"), editUrl(`${SOURCE}/reference/options/index.en.md`));
  });

  test("an untranslated copy links the original it shows, and says so", () => {
    const link = page("/en/docs/guide/ecureuil/").querySelector(".doc-footer a")!;
    assert.equal(link.getAttribute("href"), editUrl(`${SOURCE}/guide/ecureuil.fr.md`));
    assert.equal(text(link), "Edit the French original on the forge");
  });

  test("the date shown is the file's last commit, else its `updated` field, else none", () => {
    const cases = [
      ["/docs/guide/installer/", "guide/installer.fr.md"],
      ["/docs/guide/ecureuil/", "guide/ecureuil.fr.md"], // has updated: 2024-05-02
      ["/en/docs/guide/ecureuil/", "guide/ecureuil.fr.md"], // the original's date
    ] as const;
    const shallow = git(["rev-parse", "--is-shallow-repository"]) === "true";
    for (const [url, file] of cases) {
      const committed = shallow ? "" : git(["log", "-1", "--format=%cI", "--", `${SOURCE}/${file}`]);
      const frontMatter = /^updated: (\S+)$/m.exec(readFileSync(path.join(PROJECT_ROOT, SOURCE, file), "utf8"))?.[1];
      const expected = committed ? DateTime.fromISO(committed, { zone: site.timezone }).toISODate() : frontMatter;
      const time = page(url).querySelector(".doc-footer time");
      assert.equal(time?.getAttribute("datetime"), expected, `${url} (git: "${committed}", front matter: ${frontMatter})`);
    }
  });
});

describe("doc pages", () => {
  test("pass html-validate", async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = built.files.filter((f) => /^(en\/)?docs\/.*\.html$/.test(f));
    assert.equal(files.length, 16); // 8 French pages, their 7 translations and 1 untranslated copy
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(built.read(file), file);
      for (const m of report.results.flatMap((r) => r.messages)) errors.push(`${file}:${m.line} ${m.ruleId} ${m.message}`);
    }
    assert.deepEqual(errors, []);
  });

  test("give the search index their text only: navigation is marked out, untranslated copies stay out", () => {
    const root = page("/docs/guide/");
    assert.equal(root.querySelector("main")!.getAttribute("data-pagefind-filter"), "section:Documentation");
    for (const selector of [".doc-sidebar", ".breadcrumbs", ".doc-pager", ".doc-children", ".doc-footer"]) {
      assert.ok(root.querySelector(selector)?.hasAttribute("data-pagefind-ignore"), selector);
    }
    assert.ok(page("/en/docs/guide/").querySelector("main")!.hasAttribute("data-pagefind-body"));
    assert.equal(page("/en/docs/guide/ecureuil/").querySelector("main")!.hasAttribute("data-pagefind-body"), false);
  });
});

test("a docs folder without its section page, or a wrong order, stops the build naming the file", async () => {
  const content = await buildFailure({ fixture: "docs-missing-index" });
  const file = "test/fixtures/docs-missing-index/content/docs/guides/installer.fr.md";
  assert.ok(
    content.problems.some((p) => p.file === file && p.message.includes("add test/fixtures/docs-missing-index/content/docs/guides/index.fr.md")),
    content.message,
  );
  assert.ok(content.problems.some((p) => p.file === file && p.field === "order" && /whole number/.test(p.message)), content.message);
});


function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}
