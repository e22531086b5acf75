/** Shared by the events tests: valid front matter, and .ics parsing with ical.js (Thunderbird's parser). */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { validateEvent, type EventData } from "./schema.ts";

export const ZONE = "Europe/Paris";
export const SITE = { siteName: "Les Chatons de la Loire", siteUrl: "https://www.chatons-loire.example" };
export const FILE = "content/events/2025/install-party/index.fr.md";

export const VENUE = { name: "Médiathèque Jacques-Demy", address: "24 quai de la Fosse", city: "Nantes" };

/** The smallest valid event, to which a test adds what it checks. */
export const BASE = { title: "Install party", start: "2025-01-18T14:00", end: "2025-01-18T18:00", venue: VENUE };

/** A valid event from front matter; throws with the problems otherwise. */
export function makeEvent(frontMatter: Record<string, unknown>, zone = ZONE): EventData {
  const { event, problems } = validateEvent(frontMatter, FILE, { zone });
  if (!event) throw new Error(`invalid test event: ${JSON.stringify(problems)}`);
  return event;
}

/** The VEVENTs of a calendar, through ical.js with only the VTIMEZONEs the file embeds. */
export function parseIcs(ics: string): { calendar: InstanceType<typeof ICAL.Component>; events: InstanceType<typeof ICAL.Event>[] } {
  ICAL.TimezoneService.reset(); // never fall back on a zone registered by an earlier test
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c)) };
}

/** An ICAL.Time as a UTC ISO string, failing on floating times (a TZID without its VTIMEZONE). */
export function utc(time: InstanceType<typeof ICAL.Time>): string {
  if (!time.isDate && time.zone === ICAL.Timezone.localTimezone) throw new Error(`floating time ${time.toString()}: VTIMEZONE missing`);
  return time.toJSDate().toISOString().replace(".000Z", "Z");
}

const temps: string[] = [];
process.on("exit", () => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder, removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "events-test-"));
  temps.push(dir);
  return dir;
}

/** A git repository with a committer that does not depend on the machine. */
export function tempRepo(): { root: string; write: (file: string, text: string) => void; commit: (message: string, date: string) => void } {
  const root = tempDir();
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync("git", args, { cwd: root, stdio: "pipe", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", ...env } });
  git(["init", "-q", "-b", "main"]);
  return {
    root,
    write(file, text) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    },
    commit(message, date) {
      git(["add", "-A"]);
      git(["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message], { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date });
    },
  };
}
