/**
 * What the S3 client puts on the wire, seen by a bare HTTP server: Garage
 * (before 1.1) wants Content-MD5 and no streamed or flexible checksums.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { headerHash } from "./content-types.ts";
import { deleteKeys, openBucket, putFile, type Bucket } from "./s3.ts";
import { parseSettings } from "./settings.ts";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let bucket: Bucket;
const seen: Seen[] = [];

before(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (req.method === "POST") {
        res.writeHead(200, { "content-type": "application/xml" });
        res.end('<?xml version="1.0"?><DeleteResult><Error><Key>gone.html</Key><Code>NoSuchKey</Code></Error></DeleteResult>');
      } else {
        res.writeHead(200, { etag: '"x"' }).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const parsed = parseSettings([], {
    S3_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    S3_BUCKET: "site",
    AWS_ACCESS_KEY_ID: "GKunit",
    AWS_SECRET_ACCESS_KEY: "unit-secret",
  });
  assert.ok(parsed.ok);
  bucket = openBucket({ ...parsed.settings, maxAttempts: 1 });
});
after(async () => {
  bucket.client.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function signedHeaders(h: http.IncomingHttpHeaders): string[] {
  return /SignedHeaders=([^,]+)/.exec(String(h.authorization))?.[1]?.split(";") ?? [];
}

test("uploads are path-style with Content-MD5, headers and no flexible checksum", async () => {
  const body = Buffer.from("<h1>Bonjour</h1>");
  const md5 = createHash("md5").update(body).digest("hex");
  const type = "text/html; charset=utf-8";
  const cache = "public, max-age=0, must-revalidate";
  await putFile(bucket, { key: "blog/a b/index.html", path: "", size: body.length, md5, contentType: type, cacheControl: cache, cacheClass: "revalidate", headerHash: headerHash(type, cache) }, body);
  const put = seen.find((s) => s.method === "PUT");
  assert.ok(put);
  assert.equal(put.url.split("?")[0], "/site/blog/a%20b/index.html");
  assert.equal(put.headers["content-md5"], Buffer.from(md5, "hex").toString("base64"));
  assert.equal(put.headers["content-type"], type);
  assert.equal(put.headers["cache-control"], cache);
  assert.equal(put.headers["x-amz-meta-deploy-headers"], headerHash(type, cache));
  assert.equal(put.headers["content-encoding"], undefined, "no aws-chunked streaming");
  assert.ok(!Object.keys(put.headers).some((h) => h.startsWith("x-amz-checksum-") || h === "x-amz-trailer"));
  assert.equal(put.body, "<h1>Bonjour</h1>");
});

test("DeleteObjects carries a signed Content-MD5 instead of CRC32, and NoSuchKey counts as deleted", async () => {
  const failures = await deleteKeys(bucket, ["old.html", "gone.html"]);
  assert.deepEqual(failures, []);
  const post = seen.find((s) => s.method === "POST");
  assert.ok(post);
  assert.match(post.url, /^\/site\/?\?delete/);
  assert.equal(post.headers["content-md5"], createHash("md5").update(post.body).digest("base64"));
  assert.ok(!Object.keys(post.headers).some((h) => h.startsWith("x-amz-checksum-") || h.startsWith("x-amz-sdk-checksum-")));
  const signed = signedHeaders(post.headers);
  assert.ok(signed.includes("content-md5"), `signed: ${signed.join(";")}`);
  assert.ok(!signed.some((h) => h.startsWith("x-amz-checksum-")), "no removed header is part of the signature");
  assert.match(post.body, /<Key>old\.html<\/Key>/);
});
