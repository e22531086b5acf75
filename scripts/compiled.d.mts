/** Types of ./compiled.mjs (plain JavaScript: it runs before any TypeScript can). */
import type { EsbuildMessage } from "../plugins/core/syntax-errors.mjs";

export const COMPILED: unique symbol;
export const KEPT_RESULTS: unique symbol;

export function entryPoints(root: string, options?: { input?: string; config?: string; scanFile?: string }): string[];

export function compile(root: string, entries: string[], cacheDir: string): Promise<{ modules: Map<string, string>; inputs: Record<string, string>; compiled: boolean }>;

export function compiledCacheDir(root: string): string;

export function contentCacheDir(cacheDir: string, input: string): string;

export function forgetGoneContent(cacheDir: string): string[];

export function codeDigest(root: string, inputs: Record<string, string>): string;

export function syntaxErrors(errors: readonly EsbuildMessage[], root: string): string;

/** Maps the frames of stack traces through the modules compiled into `cacheDir` to their sources (sets Error.prepareStackTrace). */
export function mapStackTraces(cacheDir: string): void;

/** The options of Node that `npm run build` starts ./compiled.mjs with (package.json's "build"). */
export function buildNodeOptions(root: string): string[];
