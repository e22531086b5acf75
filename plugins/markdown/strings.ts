/**
 * The few words the Markdown blocks print themselves. They live here rather
 * than in data/i18n/ so the plugin can be lifted into another site unchanged;
 * a site adds a language (or rewords one) through the `strings` option.
 * `{name}` placeholders are filled by `fill()`.
 */
import { z } from "zod";

export const StringsSchema = z.strictObject({
  /** Callout titles. */
  note: z.string(),
  tip: z.string(),
  warning: z.string(),
  /** Summary of a `::: details` block written without a question. */
  details: z.string(),
  /** Hidden heading of the footnotes section. */
  footnotes: z.string(),
  /** Accessible name of a footnote's back link; `{n}` is its number. */
  footnoteBack: z.string(),
  /** Hidden text of a heading's anchor link; `{title}` is the heading. */
  sectionLink: z.string(),
  /** Accessible name of a table's scroll region; `{n}` counts tables, `{headers}` lists the columns. */
  table: z.string(),
  tableWithHeaders: z.string(),
  /** Button of a `::: donate` block. */
  donate: z.string(),
  /** PeerTube card: link action, privacy note (`{host}`), play button of peertube.js, title when none given. */
  peertubeWatch: z.string(),
  peertubeNote: z.string(),
  peertubePlay: z.string(),
  peertubeUntitled: z.string(),
  /** After each link of a `::: downloads` list: `{type}` (PDF, EPUB…) and `{size}` (one of the three below, `{value}` its number). */
  downloadMeta: z.string(),
  sizeBytes: z.string(),
  sizeKB: z.string(),
  sizeMB: z.string(),
});

export type Strings = z.output<typeof StringsSchema>;

// U+00A0 (no-break space) where French typography wants one: before « : » and inside « ».
export const BUILTIN_STRINGS: Record<string, Strings> = {
  fr: {
    note: "Remarque",
    tip: "Astuce",
    warning: "Attention",
    details: "Détails",
    footnotes: "Notes",
    footnoteBack: "Retour à l’appel de note {n}",
    sectionLink: "Lien vers la section «\u00a0{title}\u00a0»",
    table: "Tableau {n}",
    tableWithHeaders: "Tableau {n}\u00a0: {headers}",
    donate: "Nous soutenir",
    peertubeWatch: "Regarder sur PeerTube",
    peertubeNote: "Vidéo hébergée par {host}. Rien n’est chargé depuis ce serveur avant que vous ne cliquiez.",
    peertubePlay: "Lire la vidéo ici",
    peertubeUntitled: "Vidéo sur {host}",
    downloadMeta: "({type}, {size})",
    sizeBytes: "{value}\u00a0octets",
    sizeKB: "{value}\u00a0Ko",
    sizeMB: "{value}\u00a0Mo",
  },
  en: {
    note: "Note",
    tip: "Tip",
    warning: "Warning",
    details: "Details",
    footnotes: "Footnotes",
    footnoteBack: "Back to reference {n}",
    sectionLink: "Link to the section “{title}”",
    table: "Table {n}",
    tableWithHeaders: "Table {n}: {headers}",
    donate: "Support us",
    peertubeWatch: "Watch on PeerTube",
    peertubeNote: "Video hosted by {host}. Nothing is loaded from that server until you click.",
    peertubePlay: "Play the video here",
    peertubeUntitled: "Video on {host}",
    downloadMeta: "({type}, {size})",
    sizeBytes: "{value} bytes",
    sizeKB: "{value} kB",
    sizeMB: "{value} MB",
  },
};

export type StringsTable = (lang: string) => Strings;

/**
 * Merges the site's overrides over the built-in table and returns a lookup
 * that falls back to the default language for a language it does not know.
 */
export function stringsTable(overrides: Record<string, Partial<Strings>>, defaultLanguage: string): StringsTable {
  const langs = new Set([...Object.keys(BUILTIN_STRINGS), ...Object.keys(overrides)]);
  const table = new Map<string, Partial<Strings>>();
  for (const lang of langs) table.set(lang, { ...BUILTIN_STRINGS[lang], ...overrides[lang] });
  // The default language must be complete: it is what every gap falls back to.
  const base = { ...BUILTIN_STRINGS.en, ...BUILTIN_STRINGS[defaultLanguage], ...overrides[defaultLanguage] } as Strings;
  const cache = new Map<string, Strings>();
  return (lang) => {
    let strings = cache.get(lang);
    if (!strings) cache.set(lang, (strings = { ...base, ...table.get(lang) }));
    return strings;
  };
}

/** `fill("Table {n}", { n: 2 })` → "Table 2". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
