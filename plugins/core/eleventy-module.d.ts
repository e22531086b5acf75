/** Eleventy ships no type declarations: what the tests and scripts use of its programmatic API. */
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { source?: "cli" | "script"; configPath?: string; quietMode?: boolean; runMode?: "build" | "watch" | "serve"; config?: (cfg: unknown) => void },
    );
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }
}
