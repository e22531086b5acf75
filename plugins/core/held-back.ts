/**
 * The pages a published build leaves out, and why: a draft, a page dated
 * after the build, a translation waiting for its original. `npm start` shows
 * them all, so a writer who finds a post on the preview and not on the site
 * needs to be told where it went; `npm run build` lists them at its end.
 *
 * A date more than a year ahead is most often a typo in the year (2052 for
 * 2025): the line says so, rather than leave the post waiting for decades.
 */
import path from "node:path";
import { parseWallClock } from "./dates.ts";

/** Why each page is held back, the end of a sentence naming it; `own`: for what its own front matter says. */
const held = new Map<string, { reason: string; own: boolean }>();

/** Called when a build begins: a page held back by the last build may be published by this one. */
export function forgetHeldBack(): void {
  held.clear();
}

/**
 * `inputPath` (Eleventy's, from the working folder) is left out of this build,
 * for `reason`; `own`: for what its front matter says, the reason to show
 * when something else (its original) holds it back too.
 */
export function holdBack(inputPath: string, reason: string, own = false): void {
  const file = path.normalize(inputPath);
  if (held.get(file)?.own && !own) return;
  held.set(file, { reason, own });
}

/**
 * Why a page with this front matter is left out of a build at `now` (`draft:
 * true`, or a date after it; its date is a wall-clock time in `zone`), or
 * undefined when it is published: the one rule of the build and of the
 * originals whose translations wait (../i18n/originals.ts).
 */
export function whyUnpublished(front: Readonly<Record<string, unknown>>, zone: string, now: Date): string | undefined {
  if (front.draft === true) return "draft: true";
  if (typeof front.date !== "string") return undefined;
  const when = parseWallClock(front.date, zone);
  if (!("dateTime" in when) || when.dateTime.toMillis() <= now.getTime()) return undefined;
  const later = `dated ${front.date}, after this build: the first build from then publishes it`;
  // Most often a typo in the year (2052 for 2025), rather than a post meant to wait for decades.
  return when.dateTime.minus({ years: 1 }).toMillis() > now.getTime() ? `${later} (more than a year from now: if the year is a typo, correct it)` : later;
}

/** Lines listed at most, the rest counted: a site that schedules a season of posts is told how many. */
const MAX_LINES = 12;

/** What `npm run build` prints at its end, or undefined when every page is published. */
export function heldBackReport(): string | undefined {
  if (!held.size) return undefined;
  const lines = [...held].sort(([a], [b]) => a.localeCompare(b)).map(([file, { reason }]) => `  ${file.split(path.sep).join("/")} · ${reason}`);
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > MAX_LINES) shown.push(`  and ${lines.length - MAX_LINES} more`);
  const count = held.size === 1 ? "1 page is" : `${held.size} pages are`;
  return `${count} not published by this build (npm start shows them):\n${shown.join("\n")}`;
}
