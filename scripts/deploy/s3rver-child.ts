/**
 * Child process that runs @20minutes/s3rver on 127.0.0.1 (see local-s3.ts).
 * It must be started with `node --openssl-legacy-provider`: s3rver encrypts its
 * ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has there.
 *
 * Environment: S3RVER_DIR (data directory), S3RVER_PORT (0 = any free port),
 * S3RVER_BUCKET (created as a website: index.html, error 404.html),
 * S3RVER_ACCESS_KEY / S3RVER_SECRET_KEY (accepted in addition to S3RVER/S3RVER).
 * Prints one JSON line {"port": n} once listening; exits when stdin closes,
 * so it never outlives its parent.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

const S3rver = require("@20minutes/s3rver") as S3rverClass;
const account = require("@20minutes/s3rver/lib/models/account.js") as {
  DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
};

function websiteXml(index = "index.html", error = "404.html"): string {
  return `<WebsiteConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <IndexDocument><Suffix>${index}</Suffix></IndexDocument>
  <ErrorDocument><Key>${error}</Key></ErrorDocument>
</WebsiteConfiguration>`;
}

async function main(): Promise<void> {
  const env = process.env;
  const directory = env.S3RVER_DIR;
  const bucket = env.S3RVER_BUCKET;
  if (!directory || !bucket) throw new Error("S3RVER_DIR and S3RVER_BUCKET are required");
  if (env.S3RVER_ACCESS_KEY && env.S3RVER_SECRET_KEY) {
    account.DUMMY_ACCOUNT.createKeyPair(env.S3RVER_ACCESS_KEY, env.S3RVER_SECRET_KEY);
  }
  const server = new S3rver({
    address: "127.0.0.1",
    port: Number(env.S3RVER_PORT ?? 0),
    silent: true,
    directory,
    // Website requests are recognised by their Host: <bucket>.s3-website.localhost
    serviceEndpoint: "localhost",
    configureBuckets: [{ name: bucket, configs: [websiteXml()] }],
    // The SDK signs bucket-level requests as /<bucket>/ and s3rver checks them
    // as /<bucket>, so signatures are not compared; the access key still is
    // (an unknown key gets InvalidAccessKeyId).
    allowMismatchedSignatures: true,
  });
  const { port } = await server.run();
  process.stdout.write(JSON.stringify({ port }) + "\n");
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.stdin.resume();
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`s3rver failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
