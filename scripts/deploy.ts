/**
 * npm run deploy -- [--site _site] [--dry-run] [--verbose] …
 *
 * Uploads the built site to the Garage bucket that serves it. Settings come
 * from the environment (S3_ENDPOINT, S3_BUCKET, S3_REGION, AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY); `--help` lists the flags. How it works and how to
 * configure the Gitea repository: scripts/deploy/README.md.
 *
 * Exit status: 0 done (or dry run), 1 deploy failed or refused, 2 bad settings.
 * Every line printed goes through `redact`, so credentials never appear, even
 * in error messages that echo them.
 */
import { formatSummary } from "./deploy/format.ts";
import { DeployError, deploy, type Log } from "./deploy/run.ts";
import { describeError } from "./deploy/s3.ts";
import { USAGE, describeSettings, parseSettings, redact } from "./deploy/settings.ts";

const secrets = [process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY]
  .map((s) => (s ?? "").trim())
  .filter((s) => s !== "");
const print = (stream: NodeJS.WriteStream, text: string) => stream.write(redact(text, secrets) + "\n");

// The AWS SDK warns on every run that its 2027 releases will need Node 22; the
// project pins Node 20 for now (see scripts/deploy/README.md): keep it out of the logs.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

let verbose = false;
function fail(err: unknown): void {
  if (err instanceof DeployError) {
    print(process.stderr, err.message);
  } else {
    print(
      process.stderr,
      `Deploy failed: ${describeError(err)}. Stale objects are deleted only after every upload succeeded, ` +
        `so the live site still serves the previous version of whatever was not uploaded. Run the deploy again.`,
    );
    if (verbose && err instanceof Error && err.stack) print(process.stderr, err.stack);
  }
  process.exitCode = 1;
}

process.on("unhandledRejection", (err) => {
  fail(err);
  process.exit(1);
});
process.on("uncaughtException", (err) => {
  fail(err);
  process.exit(1);
});

async function main(): Promise<void> {
  const parsed = parseSettings(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    if (parsed.help) {
      print(process.stdout, USAGE);
      return;
    }
    for (const error of parsed.errors) print(process.stderr, error);
    process.exitCode = 2;
    return;
  }
  const settings = parsed.settings;
  verbose = settings.verbose;
  const log: Log = {
    info: (line) => print(process.stdout, line),
    warn: (line) => print(process.stderr, line),
    verbose: (line) => {
      if (settings.verbose) print(process.stdout, line);
    },
  };
  log.verbose(`Settings: ${describeSettings(settings)}`);
  try {
    const summary = await deploy(settings, log);
    log.info(formatSummary(summary));
  } catch (err) {
    fail(err);
  }
}

await main();
