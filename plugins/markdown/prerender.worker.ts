/**
 * The Markdown pages of `npm run build`, rendered ahead in a worker thread
 * (./prerender.ts starts it): the build's own pipeline, made from the build's
 * own options.
 */
import type MarkdownIt from "markdown-it";
import { serveMessages } from "../core/workers.ts";
import { askingSizes } from "./bundle-files.ts";
import { createMarkdown } from "./create-markdown.ts";
import type { MarkdownEnv } from "./env.ts";
import type { MarkdownOptions } from "./options.ts";
import type { MarkdownRender } from "./prerender.ts";
import { PageUrlsUnknown } from "./source-links.ts";

export type PrerenderMessage =
  /** The pipeline's options (the plugin's, parsed): sent first. */
  | { kind: "options"; options: MarkdownOptions }
  /** Pages to render, answered in the same order with their HTML and the bundle files it read: null where the render failed. */
  | { kind: "render"; pages: { source: string; env: MarkdownEnv }[] };

let md: MarkdownIt | undefined;

serveMessages((message: PrerenderMessage): (MarkdownRender | null)[] | undefined => {
  if (message.kind === "options") {
    // A link to a Markdown file needs Eleventy's URLs: such a page is left to the build (null below).
    md = createMarkdown(message.options, {
      pageUrlOf: () => {
        throw new PageUrlsUnknown();
      },
    });
    return undefined;
  }
  return message.pages.map(({ source, env }) => {
    try {
      const { value: html, sizes } = askingSizes(() => md!.render(source, env));
      return { html, sizes };
    } catch {
      // A link to a Markdown file, or a writer's mistake (a ::: donate block without
      // its link…): the build renders the page itself, and reports the mistake.
      return null;
    }
  });
});
