/**
 * The peers `npm run bench` compares the kit with, building the same posts:
 * a bare Eleventy (same version, one minimal layout, Markdown not run through
 * a template engine, as in the kit) and, when Debian's `hugo` is installed, a
 * minimal bilingual Hugo site.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CorpusPost } from "./corpus.ts";

const frontMatter = (post: CorpusPost) => `---\ntitle: ${JSON.stringify(post.title)}\ndate: ${post.date}\ntags: [${JSON.stringify(post.tag)}]\n---\n\n`;

/** A bare Eleventy project: the posts, one JavaScript layout, a four-line configuration. */
export function writeBareEleventy(root: string, posts: readonly CorpusPost[], photo: string): void {
  const input = path.join(root, "content");
  mkdirSync(path.join(input, "_includes"), { recursive: true });
  writeFileSync(
    path.join(root, "eleventy.config.mjs"),
    [
      "export const config = { dir: { input: 'content' }, markdownTemplateEngine: false };",
      "export default function (eleventyConfig) {",
      "  eleventyConfig.addGlobalData('layout', 'base.11ty.js');",
      "  eleventyConfig.addPassthroughCopy('content/**/*.jpg');",
      "}",
    ].join("\n"),
  );
  writeFileSync(
    path.join(input, "_includes", "base.11ty.js"),
    "export default function (data) {\n  return `<!doctype html><html lang=\"${data.page.fileSlug}\"><head><meta charset=\"utf-8\"><title>${data.title}</title></head><body><main>${data.content}</main></body></html>`;\n}\n",
  );
  for (const post of posts) {
    const dir = path.join(input, post.dir);
    mkdirSync(dir, { recursive: true });
    if (post.image) copyFileSync(photo, path.join(dir, post.image));
    writeFileSync(path.join(dir, `index.${post.lang}.md`), frontMatter(post) + post.body);
  }
}

/** A minimal bilingual Hugo site of the same posts (translations by file name, as in the kit). */
export function writeHugo(root: string, posts: readonly CorpusPost[], photo: string): void {
  mkdirSync(path.join(root, "layouts", "_default"), { recursive: true });
  writeFileSync(
    path.join(root, "config.toml"),
    [
      'baseURL = "https://bench.example/"',
      'defaultContentLanguage = "fr"',
      "[languages.fr]\nweight = 1\n[languages.en]\nweight = 2",
      "[markup.goldmark.renderer]\nunsafe = true",
    ].join("\n"),
  );
  const page = (body: string) => `<!doctype html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>${body}</main></body></html>`;
  writeFileSync(path.join(root, "layouts", "_default", "single.html"), page("{{ .Content }}"));
  writeFileSync(path.join(root, "layouts", "_default", "list.html"), page('{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'));
  for (const post of posts) {
    const dir = path.join(root, "content", post.dir);
    mkdirSync(dir, { recursive: true });
    if (post.image) copyFileSync(photo, path.join(dir, post.image));
    writeFileSync(path.join(dir, `index.${post.lang}.md`), frontMatter(post) + post.body);
  }
}
