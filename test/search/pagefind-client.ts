/**
 * Queries a built site's search index with Pagefind's own client
 * (`pagefind/pagefind.js`, the file the search page loads) in Node: the index
 * is served over HTTP on 127.0.0.1, as a browser would fetch it, and the
 * client is told the page language the way a page tells it, through
 * `<html lang>` (a minimal `document` standing in for the page).
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Hit {
  /** Site path of the result (`/docs/outils/`). */
  url: string;
  title: string;
  filters: Record<string, string[]>;
  excerpt: string;
  /** Metadata other than the title (`date` of a post). */
  meta: Record<string, string>;
}

export interface SearchClient {
  search(lang: string, query: string | null, filters?: Record<string, string>): Promise<Hit[]>;
  close(): Promise<void>;
}

interface PagefindModule {
  createInstance(options: { basePath: string }): {
    init(): Promise<void>;
    search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<RawHit> }[] }>;
    destroy(): Promise<void>;
  };
}
interface RawHit {
  url: string;
  meta: { title?: string } & Record<string, string>;
  filters: Record<string, string[]>;
  excerpt: string;
}

/** Content types of what a search page loads; the rest is served as bytes. */
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

/** Serves a built folder on 127.0.0.1 (random port): `/dir/` is `/dir/index.html`. */
export function serveFolder(root: string): Promise<Server> {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    let file = path.join(base, decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    if (file.endsWith(path.sep)) file += "index.html";
    try {
      const body = await readFile(file);
      const type = path.basename(file).startsWith("wasm.") ? "application/wasm" : (TYPES[path.extname(file)] ?? "application/octet-stream");
      res.writeHead(200, { "content-type": type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** `http://127.0.0.1:<port>` of a listening server. */
export const originOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export async function searchClient(output: string): Promise<SearchClient> {
  const server = await serveFolder(output);
  const origin = originOf(server);
  let lang = "";
  const globals = globalThis as { document?: unknown };
  const previous = globals.document;
  globals.document = {
    currentScript: null,
    querySelector: (selector: string) => (selector === "html" ? { getAttribute: (name: string) => (name === "lang" ? lang : null) } : null),
  };
  // The bundle's pagefind.js is an ES module in a folder without package.json: load a .mjs copy.
  const copyDir = mkdtempSync(path.join(tmpdir(), "pagefind-client-"));
  const copy = path.join(copyDir, "pagefind.mjs");
  copyFileSync(path.join(output, "pagefind", "pagefind.js"), copy);
  let pagefind: PagefindModule;
  try {
    pagefind = (await import(pathToFileURL(copy).href)) as PagefindModule;
  } catch (error) {
    // A test whose client fails must fail, not leave its server up and hang the run.
    globals.document = previous;
    rmSync(copyDir, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
    throw new Error(`${path.join(output, "pagefind", "pagefind.js")} does not load`, { cause: error });
  }

  return {
    async search(language, query, filters) {
      lang = language; // read by the client when the instance starts
      const instance = pagefind.createInstance({ basePath: `${origin}/pagefind/` });
      try {
        await instance.init();
        const found = await instance.search(query, filters ? { filters } : {});
        const hits = await Promise.all(found.results.map((r) => r.data()));
        return hits.map(({ meta: { title, ...meta }, ...h }) => ({ url: h.url.replace(origin, ""), title: title ?? "", filters: h.filters, excerpt: h.excerpt, meta }));
      } finally {
        await instance.destroy();
      }
    },
    async close() {
      globals.document = previous;
      rmSync(copyDir, { recursive: true, force: true });
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
