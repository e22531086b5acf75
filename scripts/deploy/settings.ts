/**
 * Settings of the deploy: flags from the command line, the rest from the
 * environment (so the CI passes secrets without writing them anywhere).
 * Pure: takes argv and env, returns settings or the list of problems.
 */
import { parseArgs } from "node:util";

export interface Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  site: string;
  dryRun: boolean;
  verbose: boolean;
  /** Largest share of the bucket (0–1) that may be deleted without --allow-mass-delete. */
  maxDeleteShare: number;
  allowMassDelete: boolean;
  /** HEAD every unchanged object instead of trusting the manifest. */
  checkHeaders: boolean;
  concurrency: number;
  maxAttempts: number;
  timeoutMs: number;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; help: boolean; errors: string[] };

export const USAGE = `Usage: npm run deploy -- [options]

Uploads the built site to an S3 bucket (Garage), only what changed, home pages last,
then deletes what the build no longer has.

Environment (required unless marked):
  S3_ENDPOINT             e.g. https://s3.garage.example.org
  S3_BUCKET               bucket that serves the website
  S3_REGION               optional, default "garage"
  AWS_ACCESS_KEY_ID       key allowed to write the bucket
  AWS_SECRET_ACCESS_KEY   its secret (never printed)

Options:
  --site <dir>            built site to upload (default _site)
  --dry-run               print the plan (counts and bytes per phase), change nothing
  --verbose               list every file and why it is uploaded or deleted
  --max-delete <percent>  refuse to delete more than this share of the bucket (default 30)
  --allow-mass-delete     delete stale objects whatever their share
  --check-headers         check the headers of every unchanged object (HEAD) instead of
                          trusting the deploy manifest
  --concurrency <n>       parallel requests (default 8)
  --max-attempts <n>      attempts per request, with exponential backoff (default 5)
  --timeout <seconds>     per-request timeout (default 60)
  --help                  this text`;

const REQUIRED_ENV = ["S3_ENDPOINT", "S3_BUCKET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const;

function intOption(name: string, raw: string | undefined, fallback: number, min: number, max: number, errors: string[]): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    errors.push(`--${name} must be a number from ${min} to ${max} (got "${raw}").`);
    return fallback;
  }
  return n;
}

export function parseSettings(argv: string[], env: NodeJS.ProcessEnv): SettingsResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        site: { type: "string", default: "_site" },
        "dry-run": { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        "max-delete": { type: "string" },
        "allow-mass-delete": { type: "boolean", default: false },
        "check-headers": { type: "boolean", default: false },
        concurrency: { type: "string" },
        "max-attempts": { type: "string" },
        timeout: { type: "string" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (err) {
    return { ok: false, help: false, errors: [(err as Error).message] };
  }
  if (values.help) return { ok: false, help: true, errors: [] };

  const errors: string[] = [];
  const value = (name: string) => (env[name] ?? "").trim();
  const missing = REQUIRED_ENV.filter((name) => value(name) === "");
  if (missing.length > 0) errors.push(`Missing settings: ${missing.join(", ")} (environment variables; see npm run deploy -- --help).`);

  const endpoint = value("S3_ENDPOINT");
  if (endpoint !== "" && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    errors.push(`S3_ENDPOINT must be an http:// or https:// URL (got "${endpoint}").`);
  }
  const maxDelete = intOption("max-delete", values["max-delete"], 30, 0, 100, errors);
  const settings: Settings = {
    endpoint,
    bucket: value("S3_BUCKET"),
    region: value("S3_REGION") || "garage",
    accessKeyId: value("AWS_ACCESS_KEY_ID"),
    secretAccessKey: value("AWS_SECRET_ACCESS_KEY"),
    site: values.site ?? "_site",
    dryRun: values["dry-run"] ?? false,
    verbose: values.verbose ?? false,
    maxDeleteShare: maxDelete / 100,
    allowMassDelete: values["allow-mass-delete"] ?? false,
    checkHeaders: values["check-headers"] ?? false,
    concurrency: intOption("concurrency", values.concurrency, 8, 1, 64, errors),
    maxAttempts: intOption("max-attempts", values["max-attempts"], 5, 1, 20, errors),
    timeoutMs: intOption("timeout", values.timeout, 60, 1, 3600, errors) * 1000,
  };
  return errors.length > 0 ? { ok: false, help: false, errors } : { ok: true, settings };
}

/** What may be shown of the settings: never the credentials, not even a part of them. */
export function describeSettings(s: Settings): string {
  return [
    `endpoint ${s.endpoint}`,
    `bucket ${s.bucket}`,
    `region ${s.region}`,
    `site ${s.site}`,
    `credentials ${s.accessKeyId && s.secretAccessKey ? "set" : "missing"}`,
    `concurrency ${s.concurrency}`,
    `max attempts ${s.maxAttempts}`,
    `timeout ${s.timeoutMs / 1000} s`,
    `max delete ${Math.round(s.maxDeleteShare * 100)}%${s.allowMassDelete ? " (overridden)" : ""}`,
  ].join(", ");
}

/**
 * Removes secrets from a text before it is printed: the given values, and the
 * places where S3 errors and signed requests echo an access key.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("***");
  }
  return out
    .replace(/(Credential=)[^/\s,]+/g, "$1***")
    .replace(/(AWSAccessKeyId>)[^<]*/g, "$1***")
    .replace(/(X-Amz-Credential=)[^&\s]+/gi, "$1***")
    .replace(/(Signature=)[0-9a-f]{16,}/gi, "$1***");
}
