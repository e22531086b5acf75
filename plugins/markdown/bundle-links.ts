/**
 * Links and videos that point into the page's bundle (see bundle-files.ts):
 *
 *   [le rapport](rapport.pdf)            → href="/blog/2025/rapport/rapport.pdf" on both languages' pages
 *   ![La démonstration](demo.webm)       → <video controls> (poster: demo.jpg beside it, if there is one)
 *   ![L’émission du 12 mars](emission.mp3) → <audio controls> (.mp3, .ogg, .opus, .m4a, .flac, .wav)
 *   ::: downloads … :::                  → each link followed by its type and size: (PDF, 1,2 Mo)
 *
 * Without a bundle (a single-file page, a script rendering a snippet), or when
 * the file is missing (the link check then names the line), links stay as written.
 */
import path from "node:path";
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { addContainer } from "./containers.ts";
import { formatSizeValue, sizeParts } from "../core/file-size.ts";
import { mediaType, playerOf } from "../core/content-types.ts";
import { bundleFileUrl, fileSize, posterOf, publishedFile, type BundleLocation } from "./bundle-files.ts";
import { langOf, type MarkdownEnv } from "./env.ts";
import { fill, type StringsTable } from "./strings.ts";

const bundleOfEnv = (env: unknown) => (env as MarkdownEnv | undefined)?.bundle as BundleLocation | undefined;

export function bundleLinksPlugin(md: MarkdownIt, opts: { defaultLanguage: string; strings: StringsTable }): void {
  const strings = (env: unknown) => opts.strings(langOf(env, opts.defaultLanguage));

  md.core.ruler.after("inline", "bundle_links", (state) => {
    const bundle = bundleOfEnv(state.env);
    if (!bundle) return;
    let downloads = 0;
    for (const token of state.tokens) {
      if (token.type === "container_downloads_open") downloads++;
      else if (token.type === "container_downloads_close") downloads--;
      else if (token.type === "inline" && token.children) rewriteInline(token.children, bundle, downloads > 0);
    }
  });

  /** The file's type and size after each link of a downloads list. */
  md.renderer.rules.download_meta = (tokens, idx, _options, env) => {
    const { ext, bytes } = tokens[idx]!.meta as { ext: string; bytes: number };
    const lang = langOf(env, opts.defaultLanguage);
    const parts = sizeParts(bytes);
    const s = strings(env);
    const unit = parts.unit === "bytes" ? s.sizeBytes : parts.unit === "kB" ? s.sizeKB : s.sizeMB;
    const text = fill(s.downloadMeta, { type: ext.toUpperCase(), size: fill(unit, { value: formatSizeValue(parts, lang) }) });
    return ` <span class="download-meta">${md.utils.escapeHtml(text)}</span>`;
  };

  addContainer(md, "downloads", {
    open: (title, env) => {
      const heading = title ? `<p class="downloads-title">${md.renderInline(title, { lang: langOf(env, opts.defaultLanguage) })}</p>\n` : "";
      return `<div class="downloads">\n${heading}`;
    },
    close: () => "</div>\n",
  });

  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src") ?? "";
    const file = src.replace(/[?#].*$/, "");
    const player = playerOf(file);
    if (!player) return image(tokens, idx, options, env, self);
    const esc = md.utils.escapeHtml;
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const poster = player === "video" ? (token.meta as { poster?: string } | null)?.poster : undefined;
    // The alt text names the recording for screen readers, and is the link of browsers that cannot play it.
    return (
      `<${player} controls preload="none" aria-label="${esc(alt)}"${poster ? ` poster="${esc(poster)}"` : ""}>` +
      `<source src="${esc(src)}" type="${mediaType(file)}"><a href="${esc(src)}">${esc(alt)}</a></${player}>`
    );
  };
}

function rewriteInline(children: Token[], bundle: BundleLocation, inDownloads: boolean): void {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === "image") {
      const src = child.attrGet("src") ?? "";
      const player = playerOf(src.replace(/[?#].*$/, ""));
      const file = player ? publishedFile(src, bundle) : undefined;
      if (!file) continue;
      child.attrSet("src", bundleFileUrl(src, bundle)!);
      const poster = player === "video" ? posterOf(file) : undefined;
      if (poster) child.meta = { ...child.meta, poster: bundleFileUrl(path.relative(bundle.dir, poster).split(path.sep).join("/"), bundle) };
      continue;
    }
    if (child.type !== "link_open") continue;
    const href = child.attrGet("href") ?? "";
    // A missing file keeps its link as written: the link check then names it with its line.
    const file = publishedFile(href, bundle);
    if (!file) continue;
    child.attrSet("href", bundleFileUrl(href, bundle)!);
    const bytes = fileSize(file)!;
    const close = children.findIndex((c, j) => j > i && c.type === "link_close");
    if (!inDownloads || close === -1) continue;
    const meta = Object.assign(new (child.constructor as typeof Token)("download_meta", "", 0), {
      meta: { ext: path.posix.extname(href.replace(/[?#].*$/, "")).slice(1), bytes },
    });
    children.splice(close + 1, 0, meta);
  }
}
