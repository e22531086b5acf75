/**
 * Markdown rendered ahead of Eleventy, in a worker thread (./prerender.worker.ts).
 *
 * Until its first page, Eleventy reads the content and builds each page's data
 * on one thread: 1.5 s of a 1,000-post build, 4 s at 4,000, with the machine's
 * other core mostly idle. The content's Markdown is known as soon as the
 * configuration is read, so the worker renders it then; when Eleventy renders
 * a page, the build takes the worker's HTML if it is there, and renders the
 * page itself if not.
 *
 * HTML is only taken for the very same text rendered in the very same
 * environment (the page's language, its text's language, its lead image, file
 * and bundle: all the pipeline reads), so a page guessed wrong costs a render,
 * never a different page.
 */
import type { KeptResults, KeptText } from "../core/kept-results.ts";
import type { AskedSizes } from "./bundle-files.ts";
import { WorkerThread } from "../core/workers.ts";
import type { MarkdownEnv } from "./env.ts";
import type { MarkdownOptions } from "./options.ts";
import type { PrerenderMessage } from "./prerender.worker.ts";

/** A Markdown text the build will render, with the environment it will render it in. */
export interface PrerenderPage {
  source: string;
  env: MarkdownEnv;
}

/** A page's HTML, and the bundle files whose size it depends on (its downloads' sizes, its videos' posters). */
export interface MarkdownRender {
  html: string;
  sizes: AskedSizes;
}

/**
 * A render as the store keeps it: the sizes (JSON, one line), then the HTML as it
 * is. Kept as JSON, every page's HTML was parsed back from JSON by each build:
 * 19 MB at 4,000 posts.
 */
export const RENDER_AS_TEXT: KeptText<MarkdownRender> = {
  write: ({ html, sizes }) => `${JSON.stringify(sizes)}\n${html}`,
  read: (text) => {
    const at = text.indexOf("\n");
    return { sizes: JSON.parse(text.slice(0, at)) as AskedSizes, html: text.slice(at + 1) };
  },
};

/** Pages per message to the worker: the build can take a batch's HTML as soon as it is rendered. */
const BATCH = 50;

/** What a render depends on: its environment, then its text. */
export const renderKey = (source: string, env: MarkdownEnv) => `${JSON.stringify(env)}\u0000${source}`;

export class PrerenderedMarkdown {
  private readonly ready = new Map<string, string>();
  private worker: WorkerThread | undefined;
  /** Pages handed to the worker. */
  readonly pages: number;
  /** Pages whose HTML the build took from the worker, and pages it rendered itself meanwhile. */
  taken = 0;
  missed = 0;
  /**
   * Settles when every page is rendered, the worker is stopped, or it failed (the
   * build then renders the pages). The worker does not hold the process: waiting
   * for this alone, with nothing else running, lets the process end.
   */
  readonly done: Promise<void>;

  /** `kept`: where what the worker renders is kept for the next build too. */
  constructor(options: MarkdownOptions, pages: readonly PrerenderPage[], kept?: KeptResults<MarkdownRender>) {
    this.pages = pages.length;
    // In the background: a build that stops on an error does not wait for it.
    const worker = (this.worker = new WorkerThread(new URL("./prerender.worker.ts", import.meta.url), { background: true }));
    worker.post({ kind: "options", options } satisfies PrerenderMessage);
    const batches: Promise<void>[] = [];
    for (let start = 0; start < pages.length; start += BATCH) {
      const batch = pages.slice(start, start + BATCH);
      const rendered = worker.call<(MarkdownRender | null)[]>({ kind: "render", pages: batch } satisfies PrerenderMessage);
      batches.push(
        rendered.then((renders) => {
          if (this.worker !== worker) return;
          renders.forEach((render, i) => {
            if (render === null) return;
            const key = renderKey(batch[i]!.source, batch[i]!.env);
            this.ready.set(key, render.html);
            kept?.keep(key, render);
          });
        }),
      );
    }
    this.done = Promise.allSettled(batches).then(() => this.stop());
  }

  /** The HTML of `source` rendered in `env`, if the worker has it; once (a second render of the page renders it again). */
  take(source: string, env: MarkdownEnv): string | undefined {
    const key = renderKey(source, env);
    const html = this.ready.get(key);
    if (html === undefined) {
      this.missed++;
      return undefined;
    }
    this.ready.delete(key);
    this.taken++;
    return html;
  }

  /** Stops the worker, if it still runs. What it rendered and the build did not take yet is still there to take. */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.stop();
  }
}
