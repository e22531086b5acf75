/**
 * `npm start` as a child process, for the bench's reload measure and the
 * dev-loop test: on a free port, resolved once the server answers, with
 * everything it printed kept for a failure's message.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";

/** A TCP port free on 127.0.0.1 now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

export interface DevServer {
  /** `http://localhost:<port>`. */
  base: string;
  /** What npm start printed so far (stdout and stderr). */
  log(): string;
  /** Adds a line to the log (a browser's console, for instance). */
  note(line: string): void;
  /** Stops npm start and resolves once it has exited (killed after 10 s). */
  stop(): Promise<void>;
}

/**
 * The Node flags of `npm start` (package.json's `start` script gives tsx the
 * same). A larger young generation: each rebuild of a large site allocates
 * much that lives briefly, and at 4,000 posts the garbage collector took about
 * 0.5 s of a 2.5 s rebuild. Medians of the bench's reload at 4,000 posts: a
 * sentence 1,224 to 1,357 ms without it, 1,040 to 1,085 ms with it; a new
 * first paragraph 2,160 to 2,363 ms without, 1,806 to 2,070 ms with. The dev
 * server's peak memory went from 981 to 1,114 MiB.
 */
export const DEV_NODE_FLAGS = ["--max-semi-space-size=64"];

export async function startDevServer(input: string, output: string): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...DEV_NODE_FLAGS, "--import", "tsx", "scripts/build.ts", "--serve", `--input=${input}`, `--output=${output}`, `--port=${port}`], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/Server at/.test(log)) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`npm start stopped (exit ${code}):\n${log.slice(-3000)}`)));
  });
  return {
    base: `http://localhost:${port}`,
    log: () => log,
    note: (line) => void (log += `${line}\n`),
    stop: () => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGINT");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      return exited.finally(() => clearTimeout(killer));
    },
  };
}
