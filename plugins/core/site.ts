import { IANAZone } from "luxon";
import { z } from "zod";
import { ContentError } from "./problems.ts";
import { settingsLines } from "./settings-lines.ts";
import { issueMessages } from "./zod-issues.ts";
import { encodedFragment } from "./url.ts";

/** A locale whose dates and numbers Intl (Node's ICU) writes in that language: not one it only falls back from. */
function knownLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false; // not a BCP 47 tag at all
  }
}

/** One language of the site. */
export const LanguageSchema = z.strictObject({
  /** BCP 47 code used in file suffixes (`index.en.md`), URLs (`/en/`) and `<html lang>`. */
  code: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "a language code such as fr or en"),
  /** Name of the language in that language, for the switcher ("Français", "English"). */
  label: z.string().min(1),
  /** Locale for dates and numbers (luxon, Intl): "fr-FR", "en-GB". */
  locale: z.string().refine(knownLocale, { error: (i) => `${JSON.stringify(i.input)} is not a locale this system can write dates in: write one it knows, such as fr-FR or en-GB (a language it lacks can take the dates of another)` }),
});

/** Everything about the association that is not content: `data/site.ts` exports one. */
export const SiteSchema = z.strictObject({
  /** Name shown in the header, titles and feeds. */
  name: z.string().min(1),
  /** Public URL, without trailing slash: every absolute URL (feeds, sitemap, hreflang) starts with it. */
  url: z.url({ error: "an address such as https://www.example.org" }).transform((u) => u.replace(/\/+$/, "")),
  /** Short description per language code (home meta description, feeds). */
  description: z.record(z.string(), z.string()),
  /** Languages, the default one first in importance: it is served at `/`, the others at `/<code>/`. */
  languages: z.array(LanguageSchema).min(1),
  /** Code of the language served at `/`; every page exists in it first. */
  defaultLanguage: z.string(),
  /** IANA zone in which every date of the content is a wall-clock time. */
  timezone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), { error: (i) => `${JSON.stringify(i.input)} is not a time zone: expected a name of the IANA time zone database, such as Europe/Paris` })
    .default("Europe/Paris"),
  /**
   * What a missing translation shows: `fallback` publishes the default-language
   * text at the translated URL under a notice (noindex, canonical to the original),
   * and lists and feeds show it marked with its language; `omit` publishes nothing.
   */
  missingTranslations: z.enum(["fallback", "omit"]).default("fallback"),
  /** Source repository on the forge. */
  forge: z.strictObject({
    /** Home of the repository, linked from the footer. */
    url: z.url({ error: "an address such as https://forge.example.org/association/site" }),
    /** URL to edit a file; `{path}` is replaced by the file's path in the repository. */
    editUrl: z.string().includes("{path}"),
  }),
  /** Where the "support us" block of the Markdown points. */
  donateUrl: z.string().min(1),
  /**
   * The legal notice (who publishes and hosts the site, personal data, terms of use),
   * linked from every page's footer once that page is built: a path of the site, such
   * as /mentions-legales/, taken in each language under its prefix. French law asks
   * every site for one.
   */
  legalUrl: z.string().regex(/^\/[^/]/, "a path of the site such as /mentions-legales/").optional(),
  /** Contact address shown in the footer and used as feed author e-mail. */
  email: z.email(),
  /**
   * The association's own accounts on other sites (fediverse, PeerTube channel, Matrix
   * room…), linked in every footer with `rel="me"`: a Mastodon profile that links to the
   * site then shows it as verified. The first one written https://host/@name is the
   * site's fediverse account: link previews on Mastodon name it as the author.
   */
  elsewhere: z
    .array(
      z.strictObject({
        /** The link's text, the same in every language: "Mastodon", "PeerTube", "Matrix". */
        name: z.string().trim().min(1),
        /** As the site shows it: a `#` in its fragment written `%23` (a Matrix room's address, as Element shares it). */
        url: z.url({ protocol: /^https$/, error: "an https:// address" }).transform(encodedFragment),
      }, { error: 'an account written { name: "Mastodon", url: "https://…" }' }),
    )
    .default([]),
  /** Licence of the content, shown in the footer. */
  licence: z.strictObject({ name: z.string(), url: z.url({ error: "an address such as https://creativecommons.org/licenses/by-sa/4.0/" }) }),
  /** Video hosts (PeerTube instances) whose player may be embedded after a click; also allowed as frame sources by the CSP. */
  peertubeHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/, "a host name such as video.example.org")).default([]),
  /**
   * The association's logo: an SVG file in the data folder, inlined in the header and on the
   * home page so its `class="logo-…"` shapes take the colours of layouts/assets/theme.css
   * (light and dark). Without it the header shows the name alone.
   */
  logo: z.string().regex(/\.svg$/i, "an SVG file name in the data folder, such as logo.svg").optional(),
  /** Posts listed per page of the blog index. */
  postsPerPage: z.number().int().positive().default(10),
});

export type SiteInput = z.input<typeof SiteSchema>;

/** A fediverse profile's address, https://host/@name (Mastodon, GoToSocial, Misskey…). */
const FEDIVERSE_PROFILE = /^https:\/\/([^/?#@]+)\/@([^/?#@]+)\/?$/;

/**
 * The site's fediverse account as Mastodon writes it (`@name@host`): the first of
 * `elsewhere` whose address is a profile's, https://host/@name. Undefined without one.
 */
export function fediverseAccount(site: Pick<Site, "elsewhere">): string | undefined {
  for (const { url } of site.elsewhere) {
    const match = FEDIVERSE_PROFILE.exec(url);
    if (match) return `@${match[2]}@${match[1]!.toLowerCase()}`;
  }
  return undefined;
}
export type Site = z.output<typeof SiteSchema>;

/**
 * Parses `data/site.ts`'s export; every mistake names its field (and its line, given
 * the module's `source`), before anything is built: a {@link ContentError},
 * reported as the content's are.
 */
export function parseSite(input: unknown, file = "data/site.ts", source?: string): Site {
  const result = SiteSchema.safeParse(input, { reportInput: true });
  const found = result.success ? crossChecks(result.data) : result.error.issues.flatMap((issue) => issueMessages(issue, SiteSchema));
  if (found.length > 0) throw settingsError(found, file, source);
  return result.data!;
}

/** Mistakes of the settings module `file` (`source`: its text, for each one's line), as the build reports them. */
export function settingsError(found: readonly { path: readonly PropertyKey[]; message: string }[], file: string, source?: string): ContentError {
  const lineOf = source === undefined ? undefined : settingsLines(source);
  return new ContentError(
    found.map(({ path, message }) => ({
      file,
      ...(lineOf ? { line: lineOf(path) } : {}),
      field: path.map(String).join(".") || "(root)",
      message,
    })),
  );
}

/** What a field's own schema cannot tell: how the languages and the other fields agree. */
function crossChecks(site: Site): { path: PropertyKey[]; message: string }[] {
  const codes = site.languages.map((l) => l.code);
  const found: { path: PropertyKey[]; message: string }[] = [];
  if (!codes.includes(site.defaultLanguage)) {
    found.push({ path: ["defaultLanguage"], message: `"${site.defaultLanguage}" is not one of the languages (${codes.join(", ")})` });
  }
  site.languages.forEach(({ code }, i) => {
    if (codes.indexOf(code) < i) found.push({ path: ["languages", i, "code"], message: `"${code}" is written twice: each language needs a code of its own` });
  });
  for (const { code, label } of site.languages) {
    if (!site.description[code]?.trim()) found.push({ path: ["description", code], message: `missing: the description in ${label}, shown by search engines and feed readers` });
  }
  return found;
}
