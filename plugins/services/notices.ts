/**
 * Status notices: a planned maintenance or an incident on some of the association's
 * services, one Markdown page each under `content/status/`. Their front matter, how
 * it is checked (with the ids of data/services.yaml), and where a notice stands at
 * the build's time. No Eleventy import.
 */
import type { DateTime } from "luxon";
import { z } from "zod";
import type { CollectionItem } from "../core/eleventy.ts";
import { describeValue } from "../core/describe-value.ts";
import type { KnownId } from "./catalog.ts";
import { commonFields, wallClock } from "../validate/fields.ts";
import type { FrontMatterValidator } from "../validate/index.ts";
import { strictValidator } from "../validate/strict.ts";
import { typedData } from "../validate/typed-data.ts";
import { closest, expect } from "../validate/zod-problems.ts";

export const NOTICE_KINDS = ["maintenance", "incident"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Words a French writer may put in `kind`, and the one to write. */
const FRENCH_KINDS: Record<string, NoticeKind> = {
  travaux: "maintenance",
  intervention: "maintenance",
  "maintenance prévue": "maintenance",
  "opération de maintenance": "maintenance",
  panne: "incident",
  coupure: "incident",
  "incident en cours": "incident",
};

/** For a kind written in French ("panne"), what to write instead; undefined for any other value. */
export function noticeKindHint(value: unknown): string | undefined {
  const word = typeof value === "string" ? FRENCH_KINDS[value.trim().toLowerCase()] : undefined;
  return word && `write ${word} (the words of front matter are English)`;
}

const kind = z.enum(NOTICE_KINDS, {
  error: (issue) => {
    const hint = noticeKindHint(issue.input);
    if (hint) return `expected maintenance or incident, found ${describeValue(issue.input)}: ${hint}`;
    return expect("maintenance (planned work) or incident (something broke)").error(issue);
  },
});

/** One id or a list of them; each is checked against data/services.yaml by the validator. */
const serviceIds = z
  .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)], expect("the id of a service in data/services.yaml, or a list of them, such as [messagerie, visio]"))
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** `zone`: the site's time zone, in which the dates are read. */
export function noticeFields(zone: string) {
  return {
    ...commonFields(),
    /** maintenance (planned work, announced ahead) or incident (something broke). */
    kind,
    /** The services concerned: ids of data/services.yaml. */
    services: serviceIds,
    /** When the work starts, or when the incident began. */
    start: wallClock(zone),
    /** When it ends (planned), or ended (an incident once solved); an incident still going on has none. */
    end: wallClock(zone).optional(),
  };
}

const noticeSchemaFor = (zone: string) => z.strictObject(noticeFields(zone));
export type Notice = z.output<ReturnType<typeof noticeSchemaFor>>;

/** The typed notice behind a page's data (the validation pass checked it). */
export const noticeOf: (data: object, zone: string) => Notice = typedData(noticeSchemaFor, { kind: "status notice", fields: Object.keys(noticeFields("UTC")) });

/**
 * The validator of `content/status/`: the fields, then what crosses them: an end after
 * the start, a maintenance that says when it ends, services the site lists (`knownOf`:
 * their ids and names, undefined when they cannot be read).
 */
export function noticeValidator(zone: string, knownOf: () => readonly KnownId[] | undefined): FrontMatterValidator {
  const at = (dt: DateTime) => dt.toISO({ suppressSeconds: true, includeOffset: false });
  return strictValidator(noticeFields(zone), (fm: Record<string, unknown>, ctx) => {
    const start = fm.start as DateTime | undefined;
    const end = fm.end as DateTime | undefined;
    const isDate = (v: unknown): v is DateTime => typeof v === "object" && v !== null && "toMillis" in v;
    if (isDate(start) && isDate(end) && end.toMillis() <= start.toMillis()) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `expected an end after the start (${at(start)}), found ${at(end)}` });
    }
    if (fm.kind === "maintenance" && fm.end === undefined) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "expected when the maintenance ends (a planned work says it, such as end: 2026-12-12T23:00), found nothing: only an incident still going on may have no end" });
    }
    const written = Array.isArray(fm.services) ? fm.services : typeof fm.services === "string" ? [fm.services] : [];
    // Unknown while data/services.yaml cannot be read: its own problem says why.
    const known = knownOf();
    if (!known) return;
    const ids = known.map((k) => k.id);
    written.forEach((id: unknown, i: number) => {
      if (typeof id !== "string" || ids.includes(id.trim())) return;
      // The name a reader sees ("Visioconférence"), or a typo of an id.
      const named = known.find((k) => k.names.some((n) => n.toLocaleLowerCase() === id.trim().toLocaleLowerCase()))?.id;
      const near = named ?? closest(id, ids);
      const path = Array.isArray(fm.services) ? ["services", i] : ["services"];
      const message = ids.length
        ? `expected the id of a service in data/services.yaml, found ${describeValue(id)}${near ? ` (did you mean "${near}"?)` : ""}; the ids are ${ids.join(", ")}`
        : `expected the id of a service in data/services.yaml, found ${describeValue(id)}, and the site lists no service: add it to data/services.yaml first`;
      ctx.addIssue({ code: "custom", path, message });
    });
  });
}

/** Where a notice stands at `now`: announced, going on, or over. */
export type NoticeState = "upcoming" | "ongoing" | "over";

export function noticeState(notice: Notice, now: Date): NoticeState {
  const at = now.getTime();
  if (notice.start.toMillis() > at) return "upcoming";
  return notice.end && notice.end.toMillis() <= at ? "over" : "ongoing";
}

/** A notice page as lists and feeds hold it. */
export interface NoticeItem {
  item: CollectionItem;
  notice: Notice;
  state: NoticeState;
}

/** Of notices going on together, the one to say first: an incident before a maintenance. */
export function mostSerious(notices: readonly NoticeItem[]): NoticeItem | undefined {
  return notices.find((n) => n.notice.kind === "incident") ?? notices[0];
}

/** How far ahead a planned maintenance is announced on the home page, and how long an incident with no end stays there. */
export const ANNOUNCE_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * An incident still without an end long after it began: solved, most likely, and its
 * writer forgot to say so. The status page keeps it in progress, as written; the home
 * page stops announcing it, and the build names the file.
 */
export function isForgotten(notice: Notice, now: Date): boolean {
  return !notice.end && notice.start.toMillis() < now.getTime() - ANNOUNCE_DAYS * DAY_MS;
}

/**
 * What the build tells the writer of a notice without stopping (the notice shows as
 * written): an incident without end long after it began, or one that has not begun.
 * Said against the build's time, which a test or a preview may set in the past.
 */
export function noticeWarning(notice: Notice, now: Date): string | undefined {
  if (isForgotten(notice, now)) return `an incident without end since ${notice.start.toISODate()}: the home page no longer announces it; add end: when it was solved`;
  if (notice.kind === "incident" && noticeState(notice, now) === "upcoming") {
    return `an incident that begins on ${notice.start.toISODate()}, still to come: check the year and the month, or write kind: maintenance for planned work`;
  }
  return undefined;
}

/**
 * The notices of one language at `now`: going on (latest start first), planned
 * (soonest first), over (latest start first); and those the home page announces:
 * going on (an incident without an end, for ANNOUNCE_DAYS), or starting within
 * ANNOUNCE_DAYS.
 */
export function splitNotices(items: readonly CollectionItem[], zone: string, now: Date) {
  const all: NoticeItem[] = items.map((item) => {
    const notice = noticeOf(item.data, zone);
    return { item, notice, state: noticeState(notice, now) };
  });
  const byStart = (a: NoticeItem, b: NoticeItem) => a.notice.start.toMillis() - b.notice.start.toMillis() || a.item.url.localeCompare(b.item.url);
  const ongoing = all.filter((n) => n.state === "ongoing").sort((a, b) => byStart(b, a));
  const upcoming = all.filter((n) => n.state === "upcoming").sort(byStart);
  const over = all.filter((n) => n.state === "over").sort((a, b) => byStart(b, a));
  const horizon = now.getTime() + ANNOUNCE_DAYS * DAY_MS;
  const announced = [...ongoing.filter((n) => !isForgotten(n.notice, now)), ...upcoming.filter((n) => n.notice.start.toMillis() <= horizon)];
  return { ongoing, upcoming, over, announced };
}

/** URL path (inside a language) of the status page and its feeds. */
export const STATUS_PATH = "status/";
