/**
 * Images load lazily, except the one a visitor sees without scrolling: the
 * first image of the text when it sits among its first blocks and the layout
 * shows no image above the text. It gets `loading="eager"` and a high fetch
 * priority, which the image transform keeps on the `<img>` it writes.
 */
import type MarkdownIt from "markdown-it";
import type { MarkdownEnv } from "./env.ts";

/** How many top-level blocks (paragraphs, headings…) count as "above the fold". */
export const ABOVE_THE_FOLD_BLOCKS = 3;

export function eagerFirstImagePlugin(md: MarkdownIt): void {
  md.core.ruler.push("eager_first_image", (state) => {
    if ((state.env as MarkdownEnv | undefined)?.leadImage) return;
    let blocks = 0;
    for (const token of state.tokens) {
      if (token.level === 0 && token.nesting === 1) blocks++;
      if (blocks > ABOVE_THE_FOLD_BLOCKS) return;
      const image = token.type === "inline" ? token.children?.find((child) => child.type === "image") : undefined;
      if (image) {
        image.attrSet("loading", "eager");
        image.attrSet("fetchpriority", "high");
        return;
      }
    }
  });
}
