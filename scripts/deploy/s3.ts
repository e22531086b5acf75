/**
 * The few S3 calls the deploy makes, on a client set up for Garage:
 * path-style URLs, no streamed checksums (Garage < 1.1 rejects them),
 * Content-MD5 on uploads and on DeleteObjects, bounded retries with
 * exponential backoff (the SDK's standard mode) and timeouts.
 */
import { createHash } from "node:crypto";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { MANIFEST_KEY, META_HEADER_HASH } from "./manifest.ts";
import { normaliseEtag, type LocalFile, type RemoteObject } from "./plan.ts";
import type { Settings } from "./settings.ts";

export interface Bucket {
  client: S3Client;
  name: string;
  /** Requests that needed more than one attempt, summed over the run. */
  retries: number;
}

export function openBucket(s: Settings): Bucket {
  const agent = { keepAlive: true, maxSockets: Math.max(4, s.concurrency * 2) };
  const client = new S3Client({
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: s.maxAttempts,
    retryMode: "standard",
    requestHandler: {
      connectionTimeout: Math.min(10_000, s.timeoutMs),
      requestTimeout: s.timeoutMs,
      throwOnRequestTimeout: true,
      httpAgent: agent,
      httpsAgent: agent,
    },
  });
  // DeleteObjects must carry a checksum; the SDK now sends CRC32, which older
  // Garage does not check. Send Content-MD5 instead, as the SDK's own
  // supplemental docs (MD5_FALLBACK.md) describe.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      if (context.commandName === "DeleteObjectsCommand" && request.headers && typeof request.body === "string") {
        for (const name of Object.keys(request.headers)) {
          if (/^x-amz-(sdk-)?checksum-/i.test(name)) delete request.headers[name];
        }
        request.headers["content-md5"] = createHash("md5").update(request.body).digest("base64");
      }
      return next(args);
    },
    { step: "build", priority: "low", name: "deployContentMd5ForDeleteObjects" },
  );
  return { client, name: s.bucket, retries: 0 };
}

type Sent = { $metadata: { attempts?: number } };

async function send<T extends Sent>(bucket: Bucket, run: () => Promise<T>): Promise<T> {
  try {
    const out = await run();
    bucket.retries += Math.max(0, (out.$metadata.attempts ?? 1) - 1);
    return out;
  } catch (err) {
    const attempts = (err as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    bucket.retries += Math.max(0, attempts - 1);
    throw err;
  }
}

/** Every object of the bucket, 1000 keys a page. */
export async function listAll(bucket: Bucket): Promise<Map<string, RemoteObject>> {
  const objects = new Map<string, RemoteObject>();
  let token: string | undefined;
  do {
    const page = await send(bucket, () =>
      bucket.client.send(new ListObjectsV2Command({ Bucket: bucket.name, MaxKeys: 1000, ContinuationToken: token })),
    );
    for (const o of page.Contents ?? []) {
      if (o.Key !== undefined) objects.set(o.Key, { key: o.Key, etag: normaliseEtag(o.ETag), size: o.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

export function isMissing(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NoSuchKey" || e.name === "NotFound" || e.Code === "NoSuchKey" || e.$metadata?.httpStatusCode === 404;
}

export async function readManifestText(bucket: Bucket): Promise<string | null> {
  try {
    const out = await send(bucket, () => bucket.client.send(new GetObjectCommand({ Bucket: bucket.name, Key: MANIFEST_KEY })));
    return out.Body ? await out.Body.transformToString("utf8") : null;
  } catch (err) {
    if (isMissing(err)) return null;
    throw err;
  }
}

/** The header hash stored on an object, or undefined (missing object, or uploaded by something else). */
export async function remoteHeaderHash(bucket: Bucket, key: string): Promise<string | undefined> {
  try {
    const out = await send(bucket, () => bucket.client.send(new HeadObjectCommand({ Bucket: bucket.name, Key: key })));
    return out.Metadata?.[META_HEADER_HASH];
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

export async function putFile(bucket: Bucket, file: LocalFile, body: Buffer): Promise<void> {
  await send(bucket, () =>
    bucket.client.send(
      new PutObjectCommand({
        Bucket: bucket.name,
        Key: file.key,
        Body: body,
        ContentLength: body.length,
        ContentMD5: Buffer.from(file.md5, "hex").toString("base64"),
        ContentType: file.contentType,
        CacheControl: file.cacheControl,
        Metadata: { [META_HEADER_HASH]: file.headerHash },
      }),
    ),
  );
}

export async function putManifest(bucket: Bucket, text: string): Promise<void> {
  const body = Buffer.from(text, "utf8");
  await send(bucket, () =>
    bucket.client.send(
      new PutObjectCommand({
        Bucket: bucket.name,
        Key: MANIFEST_KEY,
        Body: body,
        ContentLength: body.length,
        ContentMD5: createHash("md5").update(body).digest("base64"),
        ContentType: "application/json; charset=utf-8",
        CacheControl: "no-store",
      }),
    ),
  );
}

export interface DeleteFailure {
  key: string;
  message: string;
}

/** Deletes up to 1000 keys; a key already gone (NoSuchKey, as Garage answers) counts as deleted. */
export async function deleteKeys(bucket: Bucket, keys: readonly string[]): Promise<DeleteFailure[]> {
  if (keys.length === 0) return [];
  const out = await send(bucket, () =>
    bucket.client.send(
      new DeleteObjectsCommand({ Bucket: bucket.name, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
    ),
  );
  return (out.Errors ?? [])
    .filter((e) => e.Code !== "NoSuchKey")
    .map((e) => ({ key: e.Key ?? "?", message: `${e.Code ?? "Error"}: ${e.Message ?? ""}`.trim() }));
}

/** One line for an SDK or network error; never the request itself (it carries the signature). */
export function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  const name = e.name && e.name !== "Error" ? e.name : (e.code ?? "Error");
  const message = (e.message ?? String(err)).split("\n")[0] ?? "";
  return `${name}${status ? ` (HTTP ${status})` : ""}${message && message !== name ? `: ${message}` : ""}`;
}
