/**
 * A local S3 server for the preview (npm run preview:s3) and the deploy tests:
 * @20minutes/s3rver in a child process on 127.0.0.1, with one bucket set up
 * as a website (index index.html, error 404.html), and a small read-only
 * proxy that serves that website at http://127.0.0.1:<port>/.
 *
 * s3rver serves a bucket as a website when the Host is
 * `<bucket>.s3-website.localhost` (its vhost middleware, with
 * serviceEndpoint "localhost"); the proxy sets that Host so browsers and
 * tests can use a plain 127.0.0.1 URL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./s3rver-child.ts", import.meta.url));

export function websiteHost(bucket: string): string {
  return `${bucket}.s3-website.localhost`;
}

export interface LocalS3 {
  /** S3 API endpoint, e.g. http://127.0.0.1:40123 */
  endpoint: string;
  port: number;
  bucket: string;
  /** Where s3rver keeps the objects. */
  dir: string;
  stop(): Promise<void>;
}

export interface LocalS3Options {
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Data directory; a temporary one (removed on stop) by default. */
  dir?: string;
  port?: number;
}

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), "s3rver-")));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--openssl-legacy-provider", "--import", import.meta.resolve("tsx"), CHILD],
    {
      env: {
        ...process.env,
        S3RVER_DIR: dir,
        S3RVER_BUCKET: options.bucket,
        S3RVER_PORT: String(options.port ?? 0),
        S3RVER_ACCESS_KEY: options.accessKeyId ?? "",
        S3RVER_SECRET_KEY: options.secretAccessKey ?? "",
      },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`s3rver did not start within 20 s. ${stderr}`)), 20_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) {
        clearTimeout(timer);
        try {
          resolve((JSON.parse(line) as { port: number }).port);
        } catch {
          reject(new Error(`unexpected output from s3rver: ${line}`));
        }
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited (code ${code}) before listening. ${stderr}`));
    });
  });
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket: options.bucket,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once("exit", () => resolve());
      });
      child.stdin?.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
      if (ownDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface WebsiteProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the bucket's website at http://127.0.0.1:<port>/ (GET and HEAD only). */
export async function startWebsiteProxy(s3: { port: number; bucket: string }, port = 0): Promise<WebsiteProxy> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const headers = { ...req.headers, host: `${websiteHost(s3.bucket)}:${s3.port}` };
    const upstream = http.request({ host: "127.0.0.1", port: s3.port, method: req.method, path: req.url, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", (err) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end(`The local S3 server did not answer: ${err.message}\n`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
