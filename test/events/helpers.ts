/** Shared by the events whole-site tests: front matter of a fixture, pages, content errors. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import YAML from "yaml";
import { fixtureDir, type BuiltSite } from "../helpers/build.ts";

export const SITE_URL = "https://www.chatons-loire.example";

/** The front matter of `content/events/<bundle>/index.<lang>.md` of a fixture, as the writer wrote it. */
export function frontMatter(fixture: string, bundle: string, lang: string): Record<string, any> {
  const file = path.join(fixtureDir(fixture), "content", "events", bundle, `index.${lang}.md`);
  const source = readFileSync(file, "utf8");
  return YAML.parse(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as Record<string, any>;
}

/** A built page, parsed. */
export function page(site: BuiltSite, url: string): HTMLElement {
  return parse(site.read(`${url.replace(/^\//, "")}index.html`));
}

/** The visible text of an element, whitespace collapsed. */
export function text(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

