/**
 * Figures: an image alone in its paragraph, with a title, is a figure whose
 * caption is the title:
 *
 *   ![Members voting by show of hands](vote.jpg "The vote on the 2025 budget")
 *
 * The alt text describes the picture, the caption says what it is about (they
 * are read both, so they should not repeat each other). The caption may hold
 * inline Markdown (a photo credit with a link). Without a title, or with other
 * text in the paragraph, the image stays an ordinary inline image.
 *
 * A linked image is a figure too, the link kept around the picture and the
 * caption outside it (so the caption's own links still work):
 *
 *   [![The poster](affiche.jpg "The 2025 install party")](https://example.org/)
 */
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { langOf } from "./env.ts";

export function figuresPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "figures", (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      // Hidden paragraphs are tight list items: a figure there would break the list's look.
      if (open.type !== "paragraph_open" || open.hidden || inline.type !== "inline" || close.type !== "paragraph_close") continue;
      const image = loneImage(inline.children ?? []);
      const caption = image?.attrGet("title")?.trim();
      if (!image || !caption) continue;
      // The caption is shown; a title attribute would make screen readers say it twice.
      image.attrs = (image.attrs ?? []).filter(([name]) => name !== "title");
      open.type = "figure_open";
      open.tag = "figure";
      close.type = "figure_close";
      close.tag = "figure";
      close.meta = { caption, lang: langOf(state.env, "") || undefined };
    }
  });

  md.renderer.rules.figure_close = (tokens, idx) => {
    const meta = tokens[idx]!.meta as { caption: string; lang?: unknown };
    // A fresh env: a footnote in a caption must not join the page's footnote list half-way.
    const caption = md.renderInline(meta.caption, { lang: meta.lang });
    return `\n<figcaption>${caption}</figcaption>\n</figure>\n`;
  };
}

/** A paragraph's content without its line breaks and blank text: what a writer sees as its items. */
export function meaningfulChildren(children: readonly Token[]): Token[] {
  return children.filter((child) => !(child.type === "softbreak" || child.type === "hardbreak" || (child.type === "text" && child.content.trim() === "")));
}

/** The image token if it is the paragraph's only content (spaces and line breaks aside), linked or not. */
function loneImage(children: Token[]): Token | undefined {
  const meaningful = meaningfulChildren(children);
  if (meaningful.length === 1 && meaningful[0]!.type === "image") return meaningful[0];
  const [open, image, close] = meaningful;
  const linked = meaningful.length === 3 && open!.type === "link_open" && image!.type === "image" && close!.type === "link_close";
  return linked ? image : undefined;
}
