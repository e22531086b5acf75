/**
 * Serves a built site on 127.0.0.1 (random port) the way the Garage website
 * endpoint does, so browser tests see what visitors get: `/dir/` serves
 * `/dir/index.html`, `/dir` redirects to `/dir/` when that folder has an index,
 * an unknown URL gets `404.html` with status 404, and every file carries the
 * Content-Type that the deploy script sends (Garage never guesses one).
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { headersFor } from "../../scripts/deploy/content-types.ts";

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The object key a URL path is served from, a redirect, or nothing (→ 404). */
export async function resolveKey(root: string, urlPath: string): Promise<{ key: string } | { redirect: string } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const key = path.posix.normalize(decoded).replace(/^\/+/, "");
  if (key.startsWith("..") || key.includes("\0")) return undefined;
  if (key === "" || key.endsWith("/")) {
    const index = `${key}index.html`;
    return (await isFile(path.join(root, index))) ? { key: index } : undefined;
  }
  if (await isFile(path.join(root, key))) return { key };
  if (await isFile(path.join(root, key, "index.html"))) return { redirect: `/${key}/` };
  return undefined;
}

export async function serveSite(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
      }
      const found = await resolveKey(root, url.pathname);
      if (found && "redirect" in found) {
        res.writeHead(302, { Location: found.redirect + url.search }).end();
        return;
      }
      const key = found?.key ?? "404.html";
      const status = found ? 200 : 404;
      let body: Buffer;
      try {
        body = await readFile(path.join(root, key));
      } catch {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("no 404.html in the build\n");
        return;
      }
      const headers = headersFor(key, body.subarray(0, 512).toString("utf8"));
      res.writeHead(status, { "Content-Type": headers.contentType, "Cache-Control": headers.cacheControl, "Content-Length": body.length });
      res.end(req.method === "HEAD" ? undefined : body);
    })().catch((error: unknown) => {
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
