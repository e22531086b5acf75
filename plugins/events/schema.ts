/**
 * The event content type: front matter of `content/events/<year>/<slug>/index.<lang>.md`.
 * This schema is the single source of the field list, their defaults and the type that
 * layouts receive (`EventData`, with luxon DateTimes in the event's zone).
 */
import { z } from "zod";
import type { DateTime } from "luxon";
import type { ContentProblem } from "../core/problems.ts";
import { checkZone, inZone, isWallClock, notAWallClock, readWallClock, type WallClock } from "../core/dates.ts";
import { MAX_TITLE, provenanceFields, webUrl } from "../validate/fields.ts";
import { expect, issuesToProblems } from "../validate/zod-problems.ts";
import { describeValue } from "../core/describe-value.ts";
import { perKey } from "../core/memo.ts";
import { EVERY_EXPECTED, everyHint, isEvery, readEvery, seriesIssues, seriesOf, WEEKS_OF_MONTH, type Every, type WeekOfMonth } from "./series.ts";

export const EVENT_STATUSES = ["scheduled", "cancelled", "postponed", "rescheduled"] as const;
export const ATTENDANCE_MODES = ["offline", "online", "mixed"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

const PRICE = "a price in euros (5, 12.5) or free";
/** What is wrong with a place's coordinates, with the list to write when they came as one text ("47.2126, -1.5614"). */
function geoProblem(input: unknown): string {
  const numbers = typeof input === "string" ? input.split(/[,;\s]+/).filter(Boolean).map(Number) : [];
  const written = describeValue(input);
  const hint = numbers.length === 2 && numbers.every(Number.isFinite) ? `: write [${numbers.join(", ")}]` : "";
  return `expected latitude (−90 to 90) and longitude (−180 to 180), such as [47.2126, -1.5614], found ${written}${hint}`;
}
const WALL_CLOCK = "a date (2025-03-12) or a date and time (2025-03-12T18:30, or with an offset: 2025-03-12T18:30:00+01:00)";

/** A front-matter date kept as the writer's wall clock until the zone is known. */
function wallClock(what = WALL_CLOCK) {
  return z.string(expect(what)).transform((text, ctx): WallClock => {
    const wall = readWallClock(text);
    if (!wall) ctx.addIssue({ code: "custom", message: notAWallClock(`expected ${what}`, text) });
    return wall ?? (z.NEVER as WallClock);
  });
}

/** A day alone (a series' last day, a date it skips): its dates all start at the first one's time. */
function dayAlone(what: string) {
  return wallClock(what).superRefine((w, ctx) => {
    if (w.hasTime) ctx.addIssue({ code: "custom", message: `expected ${what}, found ${w.text}: a series' days are dates alone, each at the time of its start` });
  });
}

const SERIES_DAY = "a date alone (2027-04-03)";
/** One day or a list of them; several days in one text (`2027-05-01, 2027-06-05`) get the list to write. */
const dayList = (example: string) =>
  z
    .union([dayAlone(SERIES_DAY).transform((w) => [w]), z.array(dayAlone(SERIES_DAY))], {
      error: ({ input }) => {
        const days = typeof input === "string" ? (input.match(/\d{4}-\d{2}-\d{2}/g) ?? []) : [];
        return `expected a date or a list of dates (${example}), found ${describeValue(input)}${days.length > 1 ? `: write them as a list, [${days.join(", ")}]` : ""}`;
      },
    })
    .default([]);
const SeriesSchema = z.strictObject(
  {
    /** How often: `week`, `2 weeks`, `month`, `3 months`. */
    every: z.string(expect(EVERY_EXPECTED)).transform((text, ctx): Every => {
      const every = readEvery(text);
      if (every) return every;
      const hint = everyHint(text);
      ctx.addIssue({ code: "custom", message: `expected ${EVERY_EXPECTED}, found ${describeValue(text)}${hint ? `: ${hint}` : ""}` });
      return z.NEVER as Every;
    }),
    /** Monthly: which week of the month (1 to 4, or last); the start's when left out. */
    week: z.union(WEEKS_OF_MONTH.map((w) => z.literal(w)), expect("the week of the month: 1, 2, 3, 4 or last")).optional(),
    /** The last day the series may reach. */
    until: dayAlone("the series' last day, a date alone (2027-06-30)"),
    /** Days of the series it skips (holidays, a closed hall). */
    except: dayList("2027-04-03"),
    /** Days the rule does not give (a date moved a week later). */
    also: dayList("2027-04-10"),
  },
  expect("a series: every (week, 2 weeks, month…) and until (its last day)"),
);

const text = (what: string) => z.string(expect(what)).trim().min(1, expect(what));

const VenueSchema = z.strictObject(
  {
    /** Name of the place ("Médiathèque Jacques-Demy"). */
    name: text("the name of the place"),
    /** Street address ("24 quai de la Fosse"), when the name alone does not say where. */
    address: text("the street address").optional(),
    /** Town or city ("Nantes"). */
    city: text("the town or city").optional(),
    /** Country, when not the association's own (code or name). */
    country: text("a country (FR, Belgique…)").optional(),
    /** Latitude and longitude (OpenStreetMap's "Share" gives them): a map link, and the place for calendars and search engines. */
    geo: z
      .tuple([z.number(), z.number()], { error: ({ input }) => geoProblem(input) })
      .refine(([lat, lon]) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180, { error: ({ input }) => geoProblem(input) })
      .transform(([lat, lon]) => ({ lat, lon }))
      .optional(),
  },
  expect("a venue with a name (and address, city)"),
);

const OrganiserSchema = z.union(
  [
    text("the organiser's name").transform((name) => ({ name, url: undefined as string | undefined })),
    z.strictObject({ name: text("the organiser's name"), url: webUrl("the organiser's web address").optional() }),
  ],
  expect("the organiser's name, or name and url"),
);

/** The fields as written, each checked alone (dates still wall clocks). */
export function eventFields() {
  return {
    ...provenanceFields(),
    /** Title of the event, in the page's language. */
    title: text("a title").pipe(z.string().max(MAX_TITLE, `expected a title of at most ${MAX_TITLE} characters (a sentence belongs in summary or the text)`)),
    /** One or two sentences (Markdown) for lists, feeds, calendars and search engines. */
    summary: text("a short summary (Markdown text)").optional(),
    /** Start as a wall clock in `timezone`; a date alone makes an all-day event. */
    start: wallClock(),
    /** End, same form as start; for an all-day event the last day, inclusive. */
    end: wallClock().optional(),
    /** IANA zone of start/end when not the site's (an event abroad or online from elsewhere). */
    timezone: z
      .string(expect("an IANA time zone such as Europe/Paris"))
      .superRefine((zone, ctx) => {
        const check = checkZone(zone);
        if (check.ok) return;
        const hint = check.suggestion ? ` (did you mean "${check.suggestion}"?)` : "";
        ctx.addIssue({ code: "custom", message: `expected an IANA time zone such as Europe/Paris, found ${describeValue(zone)}${hint}` });
      })
      .optional(),
    /** Repeats: every week or month (`every`) up to `until`, except some dates; start and end are the first date's. */
    repeat: SeriesSchema.optional(),
    /** Where it happens in person. */
    venue: VenueSchema.optional(),
    /** Web address of the online session (visio, stream); left out while not known yet, with `attendance: online` or `mixed`. */
    online: webUrl("a web address starting with https://").optional(),
    /** In person, online or both; derived from venue/online when left out. */
    attendance: z.enum(ATTENDANCE_MODES, expect(`one of ${ATTENDANCE_MODES.join(", ")}`)).optional(),
    /** Where to register, and until when (a date alone: until the end of that day). */
    registration: z
      .strictObject(
        {
          url: webUrl("a web or mailto: address to register", /^(https?|mailto)$/),
          deadline: wallClock().optional(),
          /** Every place is taken: the page says so instead of offering the link. */
          full: z.boolean(expect("true once every place is taken")).default(false),
        },
        expect("a registration with url (and deadline, full)"),
      )
      .optional(),
    /** Price in euros; `free` or 0 for a free event; left out when not stated. */
    price: z
      .union([z.number().nonnegative(expect(PRICE)), z.literal("free")], expect(PRICE))
      .transform((p) => (p === "free" ? 0 : p))
      .optional(),
    /** Number of places. */
    // A refine, not .int(): zod's int check aborts the cross-field rules, hiding their problems.
    capacity: z
      .number(expect("a number of places"))
      .refine((n) => Number.isInteger(n) && n > 0, expect("a whole number of places above 0"))
      .optional(),
    /** Whether it still happens as announced. */
    status: z.enum(EVENT_STATUSES, expect(`one of ${EVENT_STATUSES.join(", ")}`)).default("scheduled"),
    /** The start it had before, required when status is rescheduled. */
    previousStart: wallClock().optional(),
    /** Banner image, a path in the event's folder (`banner.jpg`) or an absolute URL. */
    banner: text("the banner image's path (banner.jpg)").optional(),
    /** Alt text of the banner, required with it. */
    bannerAlt: text("the banner's alternative text").optional(),
    /** Tags, shared with the blog's. */
    tags: z
      .union([z.string().transform((t) => [t]), z.array(z.string().min(1))], expect("a list of tags"))
      .default([]),
    /** Who organises it, when not the association itself (outputs then use the site's name). */
    organiser: OrganiserSchema.optional(),
    /** The post that tells how it went: a site path (/blog/2025/…) or a URL. */
    recap: text("a site path or URL of the recap post").optional(),
    /** Left out of every list, feed and calendar. */
    draft: z.boolean(expect("true or false")).default(false),
    /** Who translated this page (translations only). */
    // One name alone is accepted too, as in posts: a writer copies one front matter to the other.
    translators: z
      .union([text("a name").transform((name) => [name]), z.array(text("a name"))], expect("a name or a list of names"))
      .optional(),
    /** Content hash or git date of the original this translation follows (stale detection). */
    translationOf: text("the original's hash or date").optional(),
    /** URL segment for this language, when not the folder name. */
    slug: z.string(expect("a slug")).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, expect("a slug of lowercase letters, digits and hyphens")).optional(),
    /** Old URLs that should lead here. */
    aliases: z.array(text("a site path"), expect("a list of site paths")).optional(),
  };
}


/** Unknown keys writers are likely to try, with what to write instead. */
const HINTS: Record<string, string> = {
  allDay: "an all-day event is written with a date alone: start: 2025-03-12 (and end: its last day)",
  date: "use start (and end)",
  location: "use venue (name, address, city) and/or online",
  image: "use banner and bannerAlt",
  alt: "use bannerAlt",
  recurrence: "use repeat (every, until)",
  full: "put it under registration: (registration:, then full: true indented below it)",
  complet: "write full: true under registration:",
  rrule: "use repeat (every, until)",
  every: "put it under repeat: (repeat:, then every: and until: indented below it)",
  until: "put it under repeat: (repeat:, then every: and until: indented below it)",
};

export interface EventSchemaOptions {
  /** The site's zone: start and end are wall clocks there unless the event gives `timezone`. */
  zone: string;
}

/** The strict event schema: unknown fields, bad values and broken rules are all issues. */
export function createEventSchema({ zone: siteZone }: EventSchemaOptions) {
  return z
    .strictObject(eventFields(), expect("front matter with at least title, start and a venue or online link"))
    .superRefine((raw, ctx) => crossChecks(raw as unknown as Record<string, unknown>, siteZone, ctx), { when: () => true })
    .transform((fm) => {
      const zone = fm.timezone ?? siteZone;
      const allDay = !fm.start.hasTime;
      const at = (w: WallClock) => inZone(w, zone).dateTime;
      const start = allDay ? at(fm.start).startOf("day") : at(fm.start);
      const end = allDay ? at(fm.end ?? fm.start).startOf("day") : fm.end && at(fm.end);
      const deadline = fm.registration?.deadline;
      return {
        ...fm,
        start,
        /** All-day: the last day (inclusive) at 00:00, always set. Timed: the end, if given. */
        end: end as DateTime | undefined,
        allDay,
        zone,
        attendance: fm.attendance ?? (fm.venue && fm.online ? "mixed" : fm.online ? "online" : "offline"),
        previousStart: fm.previousStart && at(fm.previousStart),
        /** A series: its rule and every date it gives (the first is start and end). */
        repeat: fm.repeat && seriesOf({ ...fm.repeat, until: at(fm.repeat.until), except: fm.repeat.except.map(at), also: fm.repeat.also.map(at) }, start, end as DateTime | undefined, allDay),
        registration: fm.registration && {
          url: fm.registration.url,
          deadline: deadline && (deadline.hasTime ? at(deadline) : at(deadline).endOf("day")),
          full: fm.registration.full,
        },
      };
    });
}

export type EventSchema = ReturnType<typeof createEventSchema>;
/** Front matter as writers write it. */
export type EventFrontMatter = z.input<EventSchema>;
/** What layouts, the agenda and the calendars receive. */
export type EventData = z.output<EventSchema>;

type Ctx = z.core.$RefinementCtx<unknown>;

/** Rules between fields. Runs even when some field failed, so a writer sees every problem at once. */
function crossChecks(fm: Record<string, unknown>, siteZone: string, ctx: Ctx): void {
  if (typeof fm !== "object" || fm === null) return;
  const issue = (field: string[], message: string) => ctx.addIssue({ code: "custom", path: field, message });
  const zoneOk = fm.timezone === undefined || (typeof fm.timezone === "string" && checkZone(fm.timezone).ok);
  const zone = zoneOk && typeof fm.timezone === "string" ? fm.timezone : siteZone;
  const start = isWallClock(fm.start) ? fm.start : undefined;
  const end = isWallClock(fm.end) ? fm.end : undefined;

  const registration = (fm.registration ?? {}) as Record<string, unknown>;
  const dates: [string[], unknown][] = [[["start"], fm.start], [["end"], fm.end], [["previousStart"], fm.previousStart], [["registration", "deadline"], registration.deadline]];
  for (const [field, w] of dates) {
    if (!zoneOk || !isWallClock(w) || !w.hasTime || !inZone(w, zone).skipped) continue;
    issue(field, `expected a time that exists in ${zone}, found ${w.text}, skipped when clocks go forward`);
  }
  if (start && end) {
    if (start.hasTime !== end.hasTime) {
      const form = start.hasTime ? "a date and time like start" : "a date alone like start (all-day event: its last day)";
      issue(["end"], `expected ${form}, found ${end.text}`);
    } else if (inZone(end, zone).dateTime < inZone(start, zone).dateTime) {
      issue(["end"], `expected an end after the start (${start.text}), found ${end.text}, which is before it`);
    }
  }
  // An online event whose link is not known yet says so with attendance: online (or mixed).
  const onlineSaid = fm.online !== undefined || fm.attendance === "online" || fm.attendance === "mixed";
  if (fm.venue === undefined && !onlineSaid) {
    issue(["venue"], "expected a venue (at least its name) or an online link (or attendance: online while the link is not known yet); found neither");
  }
  if ((fm.attendance === "offline" || fm.attendance === "mixed") && fm.venue === undefined) {
    issue(["venue"], `expected a venue since attendance is ${fm.attendance}, found nothing`);
  }
  if (fm.status === "rescheduled" && fm.previousStart === undefined) {
    issue(["previousStart"], "expected the start the event had before, required when status is rescheduled; found nothing");
  } else if (fm.previousStart !== undefined && fm.status !== "rescheduled") {
    issue(["previousStart"], `expected previousStart only with status: rescheduled, found it with status ${describeValue(fm.status ?? "scheduled")}`);
  }
  if (fm.banner !== undefined && fm.bannerAlt === undefined) {
    issue(["bannerAlt"], "expected the banner's alternative text (what the image shows), found nothing");
  } else if (fm.bannerAlt !== undefined && fm.banner === undefined) {
    issue(["banner"], "expected a banner image since bannerAlt is set, found nothing");
  }
  const deadline = isWallClock(registration.deadline) ? registration.deadline : undefined;
  const last = end ?? start;
  if (deadline && last) {
    const lastMoment = last.hasTime ? inZone(last, zone).dateTime : inZone(last, zone).dateTime.endOf("day");
    const deadlineMoment = deadline.hasTime ? inZone(deadline, zone).dateTime : inZone(deadline, zone).dateTime.startOf("day");
    if (deadlineMoment > lastMoment) issue(["registration", "deadline"], `expected a deadline before the event ends (${last.text}), found ${deadline.text}`);
  }
  if (typeof fm.repeat === "object" && fm.repeat !== null) {
    const repeat = fm.repeat as Record<string, unknown>;
    const day = (w: unknown) => (isWallClock(w) && !w.hasTime ? w : undefined);
    const at = (w: WallClock) => inZone(w, zone).dateTime;
    const problems = seriesIssues(
      {
        every: isEvery(repeat.every) ? repeat.every : undefined,
        week: WEEKS_OF_MONTH.includes(repeat.week as WeekOfMonth) ? (repeat.week as WeekOfMonth) : undefined,
        until: day(repeat.until),
        except: Array.isArray(repeat.except) ? repeat.except.map(day) : [],
        also: Array.isArray(repeat.also) ? repeat.also.map(day) : [],
        start: start && zoneOk ? at(start) : undefined,
        startText: start?.text,
        end: end && start && end.hasTime === start.hasTime && zoneOk ? at(end) : undefined,
        status: fm.status,
        hasDeadline: registration.deadline !== undefined,
      },
      (w) => at(w).startOf("day"),
    );
    for (const { path, message } of problems) ctx.addIssue({ code: "custom", path, message });
  }
}

/** One schema per zone, for the check and for the pages: building it cost more than checking an event with it (1.4 ms per event). */
export const eventSchemaFor = perKey((zone) => createEventSchema({ zone }), 100);

/**
 * Checks one event's front matter. `file` is the path writers see (relative to the
 * project root); every problem names it and the field.
 */
export function validateEvent(frontMatter: unknown, file: string, options: EventSchemaOptions): { event?: EventData; problems: ContentProblem[] } {
  const schema = eventSchemaFor(options.zone);
  const result = schema.safeParse(frontMatter, { reportInput: true });
  if (result.success) return { event: result.data, problems: [] };
  const problems = issuesToProblems(result.error.issues, file, schema, HINTS);
  // "end: 12:30", as a poster says it: the line to write takes the start's day.
  const { start, end } = (frontMatter ?? {}) as Record<string, unknown>;
  const day = typeof start === "string" ? readWallClock(start) : undefined;
  if (!day || typeof end !== "string" || readWallClock(end)) return { problems };
  const startDay = day.text.slice(0, 10);
  return { problems: problems.map((p) => (p.field === "end" ? { ...p, message: notAWallClock(`expected ${WALL_CLOCK}`, end, startDay) } : p)) };
}
