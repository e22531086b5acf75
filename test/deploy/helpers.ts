/**
 * Shared pieces of the deploy tests: a small synthetic site written to a temp
 * dir, a local S3 server (s3rver in a child process, see
 * scripts/deploy/local-s3.ts), the CLI run as a child process, and S3 reads
 * to check what the bucket holds.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { filesUnder } from "../../plugins/core/files.ts";
import { startLocalS3, type LocalS3 } from "../../scripts/deploy/local-s3.ts";

// Same as scripts/deploy.ts: no Node 22 reminder from the AWS SDK in the test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BUCKET = "site";
/** Distinctive fake credentials: the tests grep every output for them. */
export const FAKE_KEY = "GKfakeAccessKey7Q2ZX81deploytest";
export const FAKE_SECRET = "fake-Secret-NEVER-PRINT-93f1c0de5b7a";
export const MANIFEST = ".deploy-manifest.json";

const page = (lang: string, title: string, body = "") =>
  `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>\n`;

const RSS = (items: string) => `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Blog</title>${items}</channel></rss>\n`;

/** A tiny but representative build: pages, home pages, feeds, calendar, images, Pagefind. */
export function syntheticSite(): Record<string, string | Buffer> {
  return {
    "index.html": page("fr", "Accueil"),
    "404.html": page("fr", "Page introuvable / Page not found"),
    "en/index.html": page("en", "Home"),
    "blog/index.html": page("fr", "Blog"),
    "blog/2025/assemblee-generale/index.html": page("fr", "Assemblée générale", "<p>Compte rendu.</p>"),
    "blog/2025/nouveau-service/index.html": page("fr", "Nouveau service"),
    "en/blog/2025/assemblee-generale/index.html": page("en", "General assembly"),
    "feed.xml": RSS("<item><title>Assemblée générale</title></item>"),
    "en/feed.xml": `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title></feed>\n`,
    "feed.json": `{"version": "https://jsonfeed.org/version/1.1", "title": "Blog", "items": []}\n`,
    "agenda.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n",
    "sitemap.xml": `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n`,
    "robots.txt": "User-agent: *\nAllow: /\n",
    "css/site.css": "body { font-family: sans-serif; }\n",
    "img/AbCdEfGh12-600.avif": Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)),
    "pagefind/pagefind.js": "export const pagefind = true;\n",
    "pagefind/fragment/fr_553b104.pf_fragment": Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5]),
  };
}

export async function writeSite(files: Record<string, string | Buffer>, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(path.join(os.tmpdir(), "deploy-site-")));
  await rm(root, { recursive: true, force: true });
  for (const [key, content] of Object.entries(files)) {
    const full = path.join(root, ...key.split("/"));
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return root;
}

export function md5(bytes: string | Buffer): string {
  return createHash("md5").update(bytes).digest("hex");
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Numbers from the summary line, when there is one. */
  uploaded?: number;
  skipped?: number;
  deleted?: number;
}

export interface RunOptions {
  endpoint: string;
  env?: Record<string, string | undefined>;
}

/** Runs `node --import tsx scripts/deploy.ts <args>` as a child process (asynchronously, so a proxy in this process keeps serving). */
export function runDeploy(args: string[], options: RunOptions): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    S3_ENDPOINT: options.endpoint,
    S3_BUCKET: BUCKET,
    AWS_ACCESS_KEY_ID: FAKE_KEY,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET,
    ...options.env,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/deploy.ts", ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const m = /uploaded (\d+) files?.*skipped (\d+) unchanged, deleted (\d+) stale/.exec(stdout);
      const result: RunResult = { code, stdout, stderr };
      if (m) {
        result.uploaded = Number(m[1]);
        result.skipped = Number(m[2]);
        result.deleted = Number(m[3]);
      }
      resolve(result);
    });
  });
}

export function s3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: "garage",
    forcePathStyle: true,
    credentials: { accessKeyId: FAKE_KEY, secretAccessKey: FAKE_SECRET },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Key → ETag (MD5) of every object in the bucket, the manifest aside. */
export async function bucketEtags(client: S3Client): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key && o.Key !== MANIFEST) out.set(o.Key, (o.ETag ?? "").replace(/"/g, ""));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

/** Key → MD5 of every file of a site directory. */
export async function siteMd5s(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of filesUnder(dir)) out.set(key, md5(await readFile(path.join(dir, key))));
  return out;
}

export async function head(client: S3Client, key: string) {
  return client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
}

export async function getBytes(client: S3Client, key: string): Promise<Buffer> {
  const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

export interface Fixture {
  s3: LocalS3;
  client: S3Client;
  cleanup(): Promise<void>;
}

/** A fresh local S3 server with an empty website bucket. */
export async function freshServer(): Promise<Fixture> {
  const s3 = await startLocalS3({ bucket: BUCKET, accessKeyId: FAKE_KEY, secretAccessKey: FAKE_SECRET });
  const client = s3Client(s3.endpoint);
  return {
    s3,
    client,
    async cleanup() {
      client.destroy();
      await s3.stop();
    },
  };
}

export interface S3Proxy {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * An endpoint in front of the local S3 server on `target`: `intercept` may
 * answer a request itself (an error, a dropped connection, silence) by
 * returning true; every other request goes through unchanged.
 */
export async function s3Proxy(target: number, intercept: (req: http.IncomingMessage, res: http.ServerResponse) => boolean): Promise<S3Proxy> {
  const server = http.createServer((req, res) => {
    if (intercept(req, res)) return;
    const upstream = http.request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers an S3 InternalError (HTTP 500), as a failing server does. */
export function internalError(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.resume();
  res.writeHead(500, { "content-type": "application/xml" });
  res.end("<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>");
}
