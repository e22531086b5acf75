/**
 * The deploy itself: scan, compare, refuse if unsafe, upload phase by phase,
 * write the manifest, then delete what is stale. Output goes through `log`,
 * which the CLI redacts.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { refusal } from "./build-marker.ts";
import { formatBytes, formatPlan, formatProgress, formatVerbosePlan, plural, type Summary } from "./format.ts";
import { MANIFEST_KEY, parseManifest, serializeManifest } from "./manifest.ts";
import { batches, diff, phasesOf, resolveVerified, safetyProblems, type LocalFile, type PhasePlan, type Upload } from "./plan.ts";
import { deleteKeys, describeError, listAll, openBucket, putFile, putManifest, readManifestText, remoteHeaderHash, type Bucket } from "./s3.ts";
import { scanSite } from "./scan.ts";
import type { Settings } from "./settings.ts";

export interface Log {
  info(line: string): void;
  warn(line: string): void;
  verbose(line: string): void;
}

/** A failure the person running the deploy can act on; the message says what happened to the site. */
export class DeployError extends Error {
  override name = "DeployError";
}

const PROGRESS_EVERY_MS = 2000;

export async function deploy(settings: Settings, log: Log): Promise<Summary> {
  const started = Date.now();
  const site = path.resolve(settings.site);
  const info = await stat(site).catch(() => null);
  if (!info?.isDirectory()) throw new DeployError(`No built site at ${settings.site}: run \`npm run build\` first (or pass --site <dir>).`);
  const refused = refusal(site, settings.site);
  if (refused) throw new DeployError(refused);

  const { files, warnings } = await scanSite(site);
  for (const w of warnings) log.warn(`Warning: ${w}`);
  if (files.some((f) => f.key === MANIFEST_KEY)) throw new DeployError(`The build contains ${MANIFEST_KEY}, a name the deploy keeps for itself.`);
  const localKeys = new Set(files.map((f) => f.key));
  const early = safetyProblems({ localKeys, remoteCount: 0, staleCount: 0, maxDeleteShare: 1, allowMassDelete: true });
  if (early.length > 0) throw new DeployError(`Refused: ${early.join(" ")}`);

  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  log.info(`Deploying ${settings.site} (${plural(files.length, "file")}, ${formatBytes(totalBytes)}) to bucket "${settings.bucket}" at ${settings.endpoint}${settings.dryRun ? " (dry run)" : ""}`);

  const bucket = openBucket(settings);
  try {
    return await deployTo(bucket, settings, files, log, started);
  } finally {
    bucket.client.destroy();
  }
}

async function deployTo(bucket: Bucket, settings: Settings, files: LocalFile[], log: Log, started: number): Promise<Summary> {
  const remote = await listAll(bucket).catch((err: unknown) => {
    throw new DeployError(`Could not list bucket "${settings.bucket}": ${describeError(err)}. Nothing was changed.`);
  });
  // A manifest that cannot be read (after the client's retries) is a failure, not
  // "no manifest": that would turn into one HEAD request per object.
  const manifestText = settings.checkHeaders
    ? null
    : await readManifestText(bucket).catch((err: unknown) => {
        throw new DeployError(`Could not read the deploy manifest (${MANIFEST_KEY}) of bucket "${settings.bucket}": ${describeError(err)}. Nothing was changed; run the deploy again.`);
      });
  const manifest = manifestText === null ? null : parseManifest(manifestText);
  const reserved = new Set([MANIFEST_KEY]);
  const remoteCount = [...remote.keys()].filter((k) => !reserved.has(k)).length;
  log.verbose(`Bucket: ${plural(remoteCount, "object")}; manifest ${manifest ? `lists ${manifest.size} keys` : "absent or ignored"}.`);

  const first = diff(files, remote, manifest, reserved);
  const problems = safetyProblems({
    localKeys: new Set(files.map((f) => f.key)),
    remoteCount,
    staleCount: first.stale.length,
    maxDeleteShare: settings.maxDeleteShare,
    allowMassDelete: settings.allowMassDelete,
  });
  if (problems.length > 0) throw new DeployError(`Refused: ${problems.join(" ")} Nothing was uploaded or deleted.`);

  // Same bytes but headers the manifest cannot vouch for: ask the objects themselves.
  const limit = pLimit(settings.concurrency);
  if (first.verify.length > 0) log.verbose(`Checking the headers of ${plural(first.verify.length, "object")} (HEAD)…`);
  const hashes = new Map<string, string | undefined>();
  await Promise.all(first.verify.map((f) => limit(async () => hashes.set(f.key, await remoteHeaderHash(bucket, f.key))))).catch((err: unknown) => {
    throw new DeployError(`Could not read object headers: ${describeError(err)}. Nothing was changed.`);
  });
  const settled = resolveVerified(first.verify, hashes);
  const uploads: Upload[] = [...first.uploads, ...settled.uploads];
  const skipped = first.unchanged.length + settled.unchanged.length;
  const phases = phasesOf(uploads);
  const plan = { phases, unchanged: skipped, stale: first.stale };
  log.info(formatPlan(plan));
  if (settings.verbose && (uploads.length > 0 || first.stale.length > 0)) log.verbose(formatVerbosePlan(plan));

  const uploadedBytesTotal = uploads.reduce((sum, u) => sum + u.file.size, 0);
  const summary: Summary = { uploaded: uploads.length, uploadedBytes: uploadedBytesTotal, skipped, deleted: first.stale.length, retries: 0, seconds: 0, dryRun: settings.dryRun };
  if (settings.dryRun) {
    summary.seconds = (Date.now() - started) / 1000;
    return summary;
  }

  let uploaded = 0;
  for (const [index, phase] of phases.entries()) {
    if (phase.count === 0) continue;
    const { failures, done } = await uploadPhase(bucket, phase, limit, log);
    uploaded += done;
    if (failures.length > 0) {
      const pending = uploads.length - uploaded;
      const later = phases.slice(index + 1).filter((p) => p.count > 0).map((p) => p.phase);
      const shown = failures.slice(0, 5).map((f) => `${f.key}: ${f.message}`).join("; ");
      throw new DeployError(
        `Deploy failed in phase "${phase.phase}": ${failures.length} of ${phase.count} uploads failed (${shown}${failures.length > 5 ? "; …" : ""}). ` +
          `${plural(uploaded, "file")} uploaded, ${pending} not${later.length > 0 ? ` (phases not started: ${later.join(", ")})` : ""}: ` +
          `the live site still serves the previous version of the files not yet uploaded, and nothing was deleted. ` +
          `Run the deploy again once the cause is fixed; it sends only what is still missing.` +
          (bucket.retries > 0 ? ` (${plural(bucket.retries, "request")} had been retried.)` : ""),
      );
    }
  }

  try {
    const text = serializeManifest(files);
    if (text !== manifestText) await putManifest(bucket, text);
  } catch (err) {
    throw new DeployError(
      `Every file was uploaded, but the deploy manifest could not be written (${describeError(err)}); nothing was deleted. ` +
        `The live site is up to date; run the deploy again to remove the ${plural(first.stale.length, "stale object")}.`,
    );
  }

  let deleted = 0;
  for (const batch of batches(first.stale)) {
    let failed;
    try {
      failed = await deleteKeys(bucket, batch);
    } catch (err) {
      failed = [{ key: batch[0] ?? "?", message: describeError(err) }];
    }
    if (failed.length > 0) {
      throw new DeployError(
        `Every file was uploaded (the live site is up to date), but deleting stale objects failed ` +
          `(${failed.slice(0, 5).map((f) => `${f.key}: ${f.message}`).join("; ")}); ${deleted} of ${first.stale.length} were deleted. Run the deploy again.`,
      );
    }
    deleted += batch.length;
    for (const key of batch) log.verbose(`  deleted ${key}`);
  }

  summary.deleted = deleted;
  summary.retries = bucket.retries;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

interface UploadFailure {
  key: string;
  message: string;
}

async function uploadPhase(bucket: Bucket, phase: PhasePlan, limit: ReturnType<typeof pLimit>, log: Log): Promise<{ failures: UploadFailure[]; done: number }> {
  log.info(`Uploading ${phase.phase}: ${plural(phase.count, "file")}, ${formatBytes(phase.bytes)}`);
  const failures: UploadFailure[] = [];
  let done = 0;
  let bytes = 0;
  const timer = setInterval(() => log.info(formatProgress(phase.phase, done, phase.count, bytes, phase.bytes)), PROGRESS_EVERY_MS);
  try {
    for (const wave of phase.waves) {
      await Promise.all(
        wave.map((upload) =>
          limit(async () => {
            if (failures.length > 0) return; // stop starting new uploads after a failure
            try {
              const body = await readFile(upload.file.path);
              const md5 = createHash("md5").update(body).digest("hex");
              await putFile(bucket, { ...upload.file, md5, size: body.length }, body);
              done += 1;
              bytes += body.length;
              log.verbose(`  uploaded ${upload.file.key} (${upload.reason})`);
            } catch (err) {
              failures.push({ key: upload.file.key, message: describeError(err) });
            }
          }),
        ),
      );
      if (failures.length > 0) break;
    }
  } finally {
    clearInterval(timer);
  }
  return { failures, done };
}
