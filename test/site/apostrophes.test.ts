/**
 * The starter site writes its French and English with the typographic
 * apostrophe (’): a straight one (') between two letters in what a visitor
 * reads — page text, titles, descriptions, UI strings, feed and calendar
 * titles — is a slip in a source file (content/, data/). Code is left out:
 * there the straight quote is the syntax.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { NodeType, parse, type HTMLElement, type Node } from "node-html-parser";
import { starterSite, type BuiltSite } from "../helpers/build.ts";

/** A straight apostrophe between two letters: "l'association", "site's". */
const STRAIGHT = /\p{L}'\p{L}/u;
/** Elements whose text is code, not prose. */
const CODE = new Set(["code", "pre", "kbd", "samp", "script", "style", "template"]);
/** Attributes a visitor reads or hears (tooltips, image descriptions, labels, share cards). */
const READ_ATTRIBUTES = ["alt", "title", "aria-label", "placeholder"];
const READ_META = new Set(["description", "og:title", "og:description", "twitter:title", "twitter:description"]);

let site: BuiltSite;
before(async () => {
  site = await starterSite();
});

/** Each straight apostrophe in `text`, with a few letters around it to find it. */
function slips(where: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(new RegExp(STRAIGHT.source, "gu"))) {
    found.push(`${where}: …${text.slice(Math.max(0, m.index - 25), m.index + 25).replace(/\s+/g, " ")}…`);
  }
  return found;
}

/** Text nodes and read attributes of an element, code left out. */
function prose(node: Node, out: string[] = []): string[] {
  if (node.nodeType === NodeType.TEXT_NODE) out.push(node.text);
  if (node.nodeType !== NodeType.ELEMENT_NODE) return out;
  const element = node as HTMLElement;
  const tag = element.tagName?.toLowerCase() ?? "";
  if (CODE.has(tag)) return out;
  for (const name of READ_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) out.push(value);
  }
  if (tag === "meta" && READ_META.has(element.getAttribute("name") ?? element.getAttribute("property") ?? "")) {
    out.push(element.getAttribute("content") ?? "");
  }
  for (const child of element.childNodes) prose(child, out);
  return out;
}

describe("apostrophes in what a visitor reads", () => {
  test("no page's text, title or description has a straight apostrophe between letters", () => {
    const pages = site.files.filter((f) => f.endsWith(".html"));
    assert.ok(pages.length > 50, `${pages.length} pages`);
    const found = pages.flatMap((file) => prose(parse(site.read(file))).flatMap((text) => slips(file, text)));
    assert.deepEqual(found, []);
  });

  test("nor has any feed's or calendar's title or summary", () => {
    const found: string[] = [];
    for (const file of site.files.filter((f) => f.endsWith("feed.json"))) {
      const feed = JSON.parse(site.read(file)) as { title: string; description?: string; items: { title?: string; summary?: string }[] };
      for (const text of [feed.title, feed.description, ...feed.items.flatMap((i) => [i.title, i.summary])]) found.push(...slips(file, text ?? ""));
    }
    for (const file of site.files.filter((f) => f.endsWith(".ics"))) {
      // Unfolded lines (RFC 5545 §3.1), then the fields a calendar app shows in its list.
      const lines = site.read(file).replace(/\r\n[ \t]/g, "").split("\r\n");
      for (const line of lines.filter((l) => /^(SUMMARY|LOCATION|X-WR-CALNAME)[;:]/.test(l))) found.push(...slips(file, line));
    }
    assert.ok(site.files.some((f) => f.endsWith(".ics")), "the build has calendar files");
    assert.deepEqual(found, []);
  });

  test("the check sees a slip: a straight apostrophe in text fails, in code it does not", () => {
    const html = "<p>L'association <code>it's code</code> <img alt=\"l'image\"></p><pre>don't</pre>";
    assert.deepEqual(
      prose(parse(html)).flatMap((t) => slips("x", t)).map((s) => s.replace(/^x: …|…$/g, "")),
      ["L'association ", "l'image"],
    );
  });
});
