/**
 * npm run preview:s3 [-- --port 8081] [--site _site] [--build]
 *
 * Serves the built site the way Garage will: a local S3 server (s3rver, in a
 * child process on 127.0.0.1) with a bucket configured as a website (index
 * index.html, error 404.html), filled by the real deploy script, then shown at
 * http://127.0.0.1:<port>/. Useful to check Content-Types, pretty URLs,
 * redirects and the 404 page before publishing. Stays up until Ctrl-C; the
 * bucket lives in a temp directory removed on exit.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatSummary } from "./deploy/format.ts";
import { startLocalS3, startWebsiteProxy, websiteHost } from "./deploy/local-s3.ts";
import { DeployError, deploy } from "./deploy/run.ts";
import { parseSettings } from "./deploy/settings.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const BUCKET = "site";
// s3rver's built-in account; nothing secret about it.
const LOCAL_KEY = "S3RVER";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8081" },
    site: { type: "string", default: "_site" },
    build: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log("Usage: npm run preview:s3 -- [--port 8081] [--site _site] [--build]\n\nDeploys the built site to a local S3 website bucket and serves it until Ctrl-C.\n--build runs `npm run build` first.");
  process.exit(0);
}
const site = values.site ?? "_site";
const port = Number(values.port);

if (values.build) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(path.join(site, "index.html"))) {
  console.error(`No built site in ${site}/ (index.html is missing): run \`npm run build\` first, or \`npm run preview:s3 -- --build\`.`);
  process.exit(1);
}

const s3 = await startLocalS3({ bucket: BUCKET });
let web: Awaited<ReturnType<typeof startWebsiteProxy>> | undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await web?.close();
    await s3.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  const parsed = parseSettings(["--site", site], {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: BUCKET,
    AWS_ACCESS_KEY_ID: LOCAL_KEY,
    AWS_SECRET_ACCESS_KEY: LOCAL_KEY,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join(" "));
  const summary = await deploy(parsed.settings, {
    info: (line) => console.log(line),
    warn: (line) => console.error(line),
    verbose: () => {},
  });
  console.log(formatSummary(summary));
  web = await startWebsiteProxy({ port: s3.port, bucket: BUCKET }, port);
} catch (err) {
  const message = err instanceof DeployError ? err.message : (err as Error).message;
  console.error(
    (err as NodeJS.ErrnoException).code === "EADDRINUSE" ? `Port ${port} is busy: choose another with --port <n>.` : `Preview failed: ${message}`,
  );
  await stop(1);
}

console.log(`
Website (as Garage will serve it): ${web?.url}
  also at http://${websiteHost(BUCKET)}:${s3.port}/ in browsers that resolve *.localhost
S3 API: ${s3.endpoint}, bucket "${BUCKET}", keys ${LOCAL_KEY}/${LOCAL_KEY}
  (try: npm run deploy -- --dry-run with S3_ENDPOINT=${s3.endpoint} S3_BUCKET=${BUCKET})
Press Ctrl-C to stop.`);
