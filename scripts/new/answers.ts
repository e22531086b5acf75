/**
 * The answers `npm run new` needs, from flags, and from questions in a
 * terminal for whatever the flags left out. Every answer is checked here, so
 * the file written always passes the build's validation.
 */
import { execFileSync } from "node:child_process";
import { DateTime } from "luxon";
import { parseWallClock } from "../../plugins/core/dates.ts";
import { EVERY_EXPECTED, everyHint, readEvery } from "../../plugins/events/series.ts";
import { NOTICE_KINDS, noticeKindHint, type NoticeKind } from "../../plugins/services/notices.ts";
import { EXERCICE, REPORT_KINDS, reportTitle, type Answers, type ContentType, type ReportKind } from "./templates.ts";

export interface Flags {
  services?: string | undefined;
  title?: string | undefined;
  lang?: string | undefined;
  slug?: string | undefined;
  summary?: string | undefined;
  date?: string | undefined;
  author?: string[] | undefined;
  tags?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  every?: string | undefined;
  until?: string | undefined;
  venue?: string | undefined;
  address?: string | undefined;
  city?: string | undefined;
  online?: string | undefined;
  exercice?: string | undefined;
  kind?: string | undefined;
  section?: string | undefined;
  order?: string | undefined;
}

/** Asks one question; undefined when nobody is there to answer. */
export type Ask = ((question: string, suggestion?: string) => Promise<string>) | undefined;

export class AnswerError extends Error {}

export interface Context {
  /** The ids of data/services.yaml, for a notice's services (undefined when that file cannot be read). */
  serviceIds?: readonly string[] | undefined;
  languages: string[];
  defaultLanguage: string;
  timezone: string;
  now: Date;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `git config user.name`, as the default author. */
function gitUser(): string | undefined {
  try {
    return execFileSync("git", ["config", "user.name"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function collectAnswers(type: ContentType, flags: Flags, ask: Ask, ctx: Context): Promise<Answers> {
  /** The flag's value, else the answer to a question, else the fallback; `check` returns a reason to refuse. */
  async function value(
    flag: string | undefined,
    name: string,
    question: string,
    options: { fallback?: string | undefined; required?: boolean; check?: (v: string) => string | undefined } = {},
  ): Promise<string | undefined> {
    const { fallback, required, check } = options;
    if (flag !== undefined || !ask) {
      const v = flag?.trim() || fallback;
      if (!v) {
        if (required) throw new AnswerError(`--${name} is required for ${type === "event" ? "an" : "a"} ${type}${type === "notice" && name === "end" ? " about a maintenance (only an incident still going on has none)" : ""}`);
        return undefined;
      }
      const problem = check?.(v);
      if (problem) throw new AnswerError(`--${name} ${JSON.stringify(v)}: ${problem}`);
      return v;
    }
    for (;;) {
      const v = (await ask(question, fallback)).trim() || fallback;
      if (!v && !required) return undefined;
      const problem = v ? check?.(v) : "an answer is needed";
      if (!problem) return v;
      process.stderr.write(`  ${problem}\n`);
    }
  }

  const wallClock = (v: string) => {
    const parsed = parseWallClock(v, ctx.timezone);
    return "error" in parsed ? parsed.error : undefined;
  };
  const now = DateTime.fromJSDate(ctx.now).setZone(ctx.timezone);

  const lang = (await value(flags.lang, "lang", `Language (${ctx.languages.join(", ")})`, {
    fallback: ctx.defaultLanguage,
    check: (v) => (ctx.languages.includes(v) ? undefined : `expected one of ${ctx.languages.join(", ")}`),
  }))!;
  if (lang !== ctx.defaultLanguage) {
    throw new AnswerError(
      `a new page is written in ${ctx.defaultLanguage} first (the original); to translate one, copy its index.${ctx.defaultLanguage}.md to index.${lang}.md beside it, translate it, then run npm run translations -- --mark <that file>`,
    );
  }

  const answers: Answers = { type, lang, title: "" };
  if (type === "report") {
    answers.exercice = await value(flags.exercice, "exercice", "Fiscal year (2024 or 2024-2025)", {
      required: true,
      check: (v) => (EXERCICE.test(v) ? undefined : "expected a year (2024) or two consecutive years (2024-2025)"),
    });
    answers.kind = (await value(flags.kind, "kind", `Kind (${REPORT_KINDS.join(", ")})`, {
      required: true,
      check: (v) => (REPORT_KINDS.includes(v as ReportKind) ? undefined : `expected one of ${REPORT_KINDS.join(", ")}`),
    })) as ReportKind;
  }
  answers.title = (await value(flags.title, "title", "Title", {
    required: true,
    fallback: type === "report" ? reportTitle(answers.kind!, answers.exercice!, lang) : undefined,
  }))!;
  if (flags.slug !== undefined) {
    answers.slug = await value(flags.slug, "slug", "Slug", { check: (v) => (SLUG.test(v) ? undefined : "expected lowercase letters, digits and hyphens") });
  }
  answers.summary = await value(flags.summary, "summary", "Summary, one or two sentences (Enter to skip)");

  if (type === "post") {
    answers.date = await value(flags.date, "date", "Publication date", { fallback: now.toFormat("yyyy-MM-dd'T'HH:mm"), check: wallClock });
    const author = flags.author?.length ? flags.author.join(", ") : undefined;
    const fromGit = author ? undefined : gitUser();
    const authors = await value(author, "author", `Author(s), separated by commas${fromGit ? " (Enter: your git user.name)" : ""}`, { fallback: fromGit });
    if (!ask && fromGit && authors === fromGit) {
      process.stderr.write(`Author: ${fromGit}, your git user.name (give another with --author "…", or edit the file).\n`);
    }
    answers.authors = authors?.split(",").map((s) => s.trim()).filter(Boolean);
  }
  if (type === "post" || type === "event") {
    const tags = await value(flags.tags, "tags", "Tags, separated by commas (Enter for none)");
    answers.tags = tags?.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  }
  if (type === "event") {
    answers.start = await value(flags.start, "start", "Start (2025-03-12 for a whole day, 2025-03-12T18:30)", { required: true, check: wallClock });
    answers.end = await value(flags.end, "end", "End (Enter to skip)", {
      check: (v) => wallClock(v) ?? (v < answers.start! ? `expected a date after the start (${answers.start})` : undefined),
    });
    // A date that comes back: the rule and its last day (plugins/events/series.ts).
    const every = await value(flags.every, "every", "Comes back every (week, 2 weeks, month…; Enter if it happens once)", {
      check: (v) => (readEvery(v) ? undefined : `expected ${EVERY_EXPECTED}${everyHint(v) ? `: ${everyHint(v)}` : ""}`),
    });
    if (every) {
      const until = await value(flags.until, "until", "Last day of the series (2025-06-30)", {
        required: true,
        check: (v) => wallClock(v) ?? (v.includes("T") ? "expected a date alone (2025-06-30)" : v < answers.start!.slice(0, 10) ? `expected a day after the start (${answers.start})` : undefined),
      });
      answers.repeat = { every, until: until! };
    }
    answers.online = await value(flags.online, "online", "Online link, https://… (Enter if in person only)", {
      check: (v) => (/^https?:\/\/\S+$/.test(v) ? undefined : "expected a web address starting with https://"),
    });
    const place = flags.venue ?? flags.address ?? flags.city;
    if (!ask && place === undefined && !answers.online) {
      throw new AnswerError("an event needs --online <url>, or --venue, --address and --city (or both)");
    }
    const name = await value(flags.venue, "venue", answers.online ? "Place, if also in person (Enter to skip)" : "Place (name)", {
      required: place !== undefined || !answers.online,
    });
    if (name) {
      const address = await value(flags.address, "address", "Street address", { required: true });
      const city = await value(flags.city, "city", "Town or city", { required: true });
      answers.venue = { name, address: address!, city: city! };
    }
  }
  if (type === "report") {
    answers.date = await value(flags.date, "date", "Date of the general assembly", { fallback: now.toFormat("yyyy-MM-dd"), check: wallClock });
  }
  if (type === "notice") {
    answers.noticeKind = (await value(flags.kind, "kind", "Kind (maintenance: planned work; incident: something broke)", {
      required: true,
      check: (v) => (NOTICE_KINDS.includes(v as NoticeKind) ? undefined : `expected ${NOTICE_KINDS.join(" or ")}${noticeKindHint(v) ? `: ${noticeKindHint(v)}` : ""}`),
    })) as NoticeKind;
    const known = ctx.serviceIds ?? [];
    const services = await value(flags.services, "services", `Services concerned, separated by commas (${known.join(", ")})`, {
      required: true,
      check: (v) => {
        const unknown = v.split(",").map((s) => s.trim()).filter((s) => s && !known.includes(s));
        return unknown.length ? `${unknown.join(", ")}: not in data/services.yaml, whose ids are ${known.join(", ") || "none yet"}` : undefined;
      },
    });
    answers.services = services!.split(",").map((s) => s.trim()).filter(Boolean);
    answers.start = await value(flags.start, "start", answers.noticeKind === "incident" ? "Since (2025-03-12T18:30)" : "Start (2025-03-12T20:00)", {
      required: true,
      fallback: answers.noticeKind === "incident" ? now.toFormat("yyyy-MM-dd'T'HH:mm") : undefined,
      check: wallClock,
    });
    answers.end = await value(flags.end, "end", answers.noticeKind === "incident" ? "Solved at (Enter if still going on)" : "End (2025-03-12T23:00)", {
      required: answers.noticeKind === "maintenance",
      check: (v) => wallClock(v) ?? (v <= answers.start! ? `expected a time after the start (${answers.start})` : undefined),
    });
  }
  if (type === "doc") {
    answers.section = await value(flags.section, "section", "Section folder under docs/ (Enter for the top level)", {
      check: (v) => (v.split("/").every((s) => SLUG.test(s)) ? undefined : "expected folder names of lowercase letters, digits and hyphens (ecrire/publier)"),
    });
    const order = await value(flags.order, "order", "Position among its siblings (Enter to sort by title)", {
      check: (v) => (/^-?\d+$/.test(v) ? undefined : "expected a whole number"),
    });
    answers.order = order === undefined ? undefined : Number(order);
  }
  return answers;
}
