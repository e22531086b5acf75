/**
 * The description of a feed entry without a summary: RSS readers show it in
 * their lists, and an item without one shows as a bare title. The writer's
 * `<!-- more -->` excerpt when there is one, else the first paragraph, as plain
 * text cut at a word near {@link MAX_DESCRIPTION} characters. Pure.
 */
import { parse } from "node-html-parser";
import { excerptOf } from "../blog/excerpt.ts";

/** Long enough for two sentences, short enough for a reader's list. */
export const MAX_DESCRIPTION = 300;

export function descriptionOf(html: string): string | undefined {
  const part = excerptOf(html);
  const root = parse(part ?? html);
  // The first paragraph of the text itself, not one inside a figure, list or note.
  const first = part ? root : (root.querySelectorAll("p").find((p) => !p.closest("figure, li, aside, blockquote, table")) ?? root);
  const text = first.textContent.replace(/\s+/g, " ").trim();
  if (!text) return undefined;
  if (text.length <= MAX_DESCRIPTION) return text;
  const cut = text.slice(0, MAX_DESCRIPTION);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_DESCRIPTION / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}
