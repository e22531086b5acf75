/**
 * Field types shared by the content schemas. Dates are wall-clock text read
 * in the site's zone; the output is a luxon DateTime with the right offset.
 */
import type { DateTime } from "luxon";
import { z } from "zod";
import { parseWallClock } from "../core/dates.ts";
import { plainText } from "../core/plain-text.ts";
import { typedData } from "./typed-data.ts";
import { expect } from "./zod-problems.ts";

/** `2025-03-12` or `2025-03-12T18:30`, a wall-clock time in `zone`. */
export function wallClock(zone: string) {
  return z.unknown().transform((value, ctx): DateTime => {
    const parsed = parseWallClock(value, zone);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.dateTime;
  });
}

/** A list of names; one name alone is accepted too. */
export const names = z
  .union([z.string().min(1), z.array(z.string().min(1))], expect("a name or a list of names"))
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** Tags: lowercase words; one alone or a list. */
export const tags = z
  .union([z.string().min(1), z.array(z.string().min(1))], expect("a tag or a list of tags"))
  .transform((v) => (Array.isArray(v) ? v : [v]).map((t) => t.trim()));

/**
 * Longest title: real titles run to 110 characters and more (Framablog's do);
 * past this length it is a paragraph pasted into the wrong field.
 */
export const MAX_TITLE = 200;

const title = (what: string) =>
  z
    .string(expect(what))
    .trim()
    .min(1, `expected ${what}, found an empty text (or only spaces)`)
    .max(MAX_TITLE, `expected ${what} of at most ${MAX_TITLE} characters (a sentence belongs in summary or the text)`);

/** Markup a writer may put in a summary by habit: a Markdown link, bold, code, or an HTML tag. */
const MARKUP = /\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`|<\/?[a-z][a-z0-9]*\b[^>]*>/i;

/**
 * A summary, shown as written in lists, feeds, link previews and search
 * results: markup in it would show as such ("**gras**"), so it is refused,
 * with the text to write instead. (An event's summary is Markdown, made plain
 * where it must be: plugins/events.)
 */
const plainSummary = z.string(expect("a sentence")).superRefine((value, ctx) => {
  if (!MARKUP.test(value)) return;
  const plain = plainText(value).replace(/\s+/g, " ").trim();
  ctx.addIssue({
    code: "custom",
    message: `a summary is plain text (lists, feeds, link previews and search engines show it as written), without Markdown or HTML: write "${plain}"`,
  });
});

/**
 * An old address of the page on this site, served as a redirect. One copied with
 * its scheme and host (from the old site's address bar) is refused with its path.
 */
const alias = z.string(expect("a site path starting with /")).superRefine((value, ctx) => {
  if (value.startsWith("/") && !value.startsWith("//")) return;
  let path: string | undefined;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") path = url.pathname + url.search;
  } catch {
    // Not a URL: a path written without its first slash?
  }
  const message = path
    ? `expected a path starting with /, without the site's address: write "${path}" (a redirect can only be served from this site, at its old path)`
    : /^[\w.~-][^\s:]*$/.test(value)
      ? `expected a site path starting with /: write "/${value}"`
      : "expected a site path starting with /";
  ctx.addIssue({ code: "custom", message });
});

/** A host name with a dot, then perhaps a path: what remains of an address without "https://". */
const BARE_ADDRESS = /^(\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?([/?#]\S*)?$/i;

/**
 * A web address field (http or https, or the `protocol` given). One copied
 * without its scheme ("visio.example.org/salle", as browsers show it) is told
 * the address to write.
 */
export function webUrl(what: string, protocol = /^https?$/) {
  const { error } = expect(what);
  return z.url({
    protocol,
    error: (issue) => {
      const bare = typeof issue.input === "string" && BARE_ADDRESS.test(issue.input.trim()) ? issue.input.trim().replace(/^\/\//, "") : undefined;
      return `${error(issue)}${bare ? `: write https://${bare}` : ""}`;
    },
  });
}

/** One illustration or photo credit. */
const CreditSchema = z.strictObject(
  {
    /** What is credited ("Photo de l'assemblée", "Illustration"); optional when the page has one image. */
    work: z.string(expect("what is credited, such as Illustration")).trim().min(1).optional(),
    /** Who made it. */
    author: z.string(expect("the author's name")).trim().min(1, "expected the author's name, found an empty text"),
    /** Licence name ("CC BY-SA 4.0"). */
    licence: z.string(expect("a licence such as CC BY-SA 4.0")).trim().min(1).optional(),
    /** Where the work comes from (its page, or the licence's). */
    url: webUrl("a web address starting with https://").optional(),
  },
  expect("a credit with author (and work, licence, url)"),
);

/**
 * Who made a page besides its writers, and where it comes from: shared by every
 * content type (posts, events, reports, docs, pages), shown in the page's language
 * and carried in feeds.
 */
export function provenanceFields() {
  return {
    /** Which language file of the bundle is the original when several exist (default: the site's default language). */
    original: z.string(expect("a language code such as fr or en")).regex(/^[a-z]{2,3}$/, "expected a language code such as fr or en").optional(),
    /** A second line under the title. */
    subtitle: title("a subtitle").optional(),
    /** People who translated this page. */
    translators: names.optional(),
    /** People who proofread this page (or its translation). */
    revisers: names.optional(),
    /** Illustration and photo credits: author, and the licence and where the work comes from. */
    credits: z
      .union([CreditSchema.transform((c) => [c]), z.array(CreditSchema)], expect("a list of credits, each with author (and work, licence, url)"))
      .optional(),
    /** The original publication of a republished text. */
    source: z
      .strictObject(
        {
          /** Its title, or the site's name. */
          title: z.string(expect("the title of the original publication")).trim().min(1),
          url: webUrl("a web address starting with https://"),
        },
        expect("a source with title and url"),
      )
      .optional(),
  };
}

export type Credit = z.output<typeof CreditSchema>;

/** The provenance fields of any page's data (docs and plain pages have no typed reader of their own). */
export const provenanceOf = typedData(() => z.object(provenanceFields()), { kind: "page" });
export type Provenance = { [K in keyof ReturnType<typeof provenanceFields>]?: z.output<ReturnType<typeof provenanceFields>[K]> };

/** Fields every page may carry, whatever its type. */
export function commonFields() {
  return {
    ...provenanceFields(),
    /** Title of the page (also in `<title>`, feeds, lists). */
    title: title("a title"),
    /** One or two sentences for lists, feeds, search results and meta description. */
    summary: plainSummary.optional(),
    /** Per-language URL segment replacing the folder or file name. */
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lowercase letters, digits and hyphens").optional(),
    /** Old URLs of this page; each gets a redirect page. */
    aliases: z.array(alias).default([]),
    /** Hash of the original this translation was made from (set by `npm run translations -- --mark`). */
    translationOf: z.string().regex(/^[0-9a-f]{8,64}$/, "expected the hash printed by npm run translations").optional(),
    /** Kept out of `npm run build` (shown by `npm start`). */
    draft: z.boolean(expect("true or false")).default(false),
    /** Set by the languages plugin on untranslated copies; never written by hand. */
    untranslated: z.boolean().optional(),
  };
}
