/** Types of ./git-aside.mjs (plain JavaScript, run by scripts/compiled.mjs before any TypeScript). */
export const COMMIT: string;
export const REV_PARSE: string[];
export const LOG: string[];
export const STATUS: string[];
export function git(cwd: string, args: string[]): string;
export function startGitAside(dir: string): void;
export function gitAside(cwd: string, args: string[]): Promise<string>;
