/**
 * A gallery: photos side by side, each with its caption, rather than one
 * under the other down a long page (an install party's afternoon, a stand):
 *
 *   ::: gallery L’install party du 12 avril
 *   ![Les bénévoles installent les tables](installation.jpg)
 *   ![Un portable passé sous Debian](debian.jpg "Le premier ordinateur installé")
 *   :::
 *
 * One image a line (blank lines between them change nothing). The title, if
 * any, captions the whole; an image's own title captions it. Two columns on a
 * phone, three from 40rem (markdown.css): each image's `sizes` says so, and
 * the images plugin then hands browsers the smaller widths, and links each
 * photo to its widest file, to be seen whole. Photos are never cropped. Anything but images inside is named by the body check
 * (check-source.ts) before the build.
 */
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { addContainer } from "./containers.ts";
import { langOf } from "./env.ts";
import { meaningfulChildren } from "./figures.ts";

/** The width each photo takes: a third of the 42rem text column from 40rem, half the screen below. */
export const GALLERY_SIZES = "(min-width: 40rem) 14rem, 50vw";

/** The images of a paragraph, when it holds nothing else (spaces and line breaks aside). */
export function galleryImages(children: readonly Token[]): Token[] | undefined {
  const meaningful = meaningfulChildren(children);
  return meaningful.every((c) => c.type === "image") ? meaningful : undefined;
}

export function galleryPlugin(md: MarkdownIt): void {
  addContainer(md, "gallery", {
    open: (title, env) => {
      const caption = title ? `<figcaption class="gallery-title">${md.renderInline(title, { lang: langOf(env, "") || undefined })}</figcaption>\n` : "";
      return `<figure class="gallery">\n${caption}<div class="gallery-grid">\n`;
    },
    close: () => "</div>\n</figure>\n",
  });

  // Each image of a gallery's paragraphs becomes a figure of its own.
  md.core.ruler.after("inline", "gallery", (state) => {
    // Most pages have none: no new token list for them.
    if (!state.tokens.some((t) => t.type === "container_gallery_open")) return;
    const out: Token[] = [];
    let depth = 0;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === "container_gallery_open") depth++;
      if (token.type === "container_gallery_close") depth--;
      const inline = tokens[i + 1];
      const images = depth > 0 && token.type === "paragraph_open" && inline?.type === "inline" ? galleryImages(inline.children ?? []) : undefined;
      if (!images) {
        out.push(token);
        continue;
      }
      for (const image of images) out.push(...item(state.Token, image, inline!, langOf(state.env, "") || undefined));
      i += 2; // the inline token and the paragraph's close
    }
    state.tokens = out;
  });

  md.renderer.rules.gallery_item_open = () => `<figure class="gallery-item">\n`;
  md.renderer.rules.gallery_item_close = (tokens, idx) => {
    const { caption, lang } = tokens[idx]!.meta as { caption?: string; lang?: string };
    // A fresh env, as figures.ts: a footnote in a caption must not join the page's list.
    return `${caption ? `\n<figcaption>${md.renderInline(caption, { lang })}</figcaption>` : ""}\n</figure>\n`;
  };
}

/** One photo's figure: the image (sized for the grid, its title moved to a caption) in an inline token of its own. */
function item(TokenClass: typeof Token, image: Token, from: Token, lang: string | undefined): Token[] {
  const caption = image.attrGet("title")?.trim();
  image.attrs = (image.attrs ?? []).filter(([name]) => name !== "title");
  image.attrSet("sizes", GALLERY_SIZES);
  // Shown small: the images plugin links it to its widest file (plugins/images, ENLARGE_ATTRIBUTE).
  image.attrSet("data-enlarge", "");
  const open = new TokenClass("gallery_item_open", "figure", 1);
  const inline = new TokenClass("inline", "", 0);
  Object.assign(inline, { children: [image], map: from.map, content: from.content });
  const close = new TokenClass("gallery_item_close", "figure", -1);
  close.meta = { caption, lang };
  return [open, inline, close];
}
