/**
 * The media type of a file by its extension, for every place that states one:
 * the deploy's Content-Type headers (Garage never guesses), the local preview
 * server and feed enclosures. mime-types (the mime-db table that Node servers
 * use) is the base; OVERRIDES is where this site answers otherwise.
 */
import mime from "mime-types";

/** Extension (lower case, no dot) → media type, where mime-db's answer is not the one to serve. */
const OVERRIDES: Readonly<Record<string, string>> = {
  // mime-db still says text/x-vcard and application/pgp-keys; a key or card is shown as text.
  vcf: "text/vcard",
  asc: "text/plain",
  // mime-db maps .xsl to application/xml; browsers apply a feed's stylesheet either way, this is its registered type.
  xsl: "application/xslt+xml",
  // Pagefind: binary chunks, and its gzipped wasm named wasm.<lang>.pagefind.
  pf_meta: "application/octet-stream",
  pf_index: "application/octet-stream",
  pf_fragment: "application/octet-stream",
  pf_filter: "application/octet-stream",
  pagefind: "application/octet-stream",
  // mime-db says audio/x-flac; browsers skip a <source> whose type they do not know, and know audio/flac (RFC 9639).
  flac: "audio/flac",
};

/** Formats every current browser plays, and in which player (others are offered as downloads). */
const PLAYERS: ReadonlyMap<string, "video" | "audio"> = new Map([
  ["mp4", "video"],
  ["webm", "video"],
  ["mp3", "audio"],
  ["ogg", "audio"],
  ["oga", "audio"],
  ["opus", "audio"],
  ["m4a", "audio"],
  ["flac", "audio"],
  ["wav", "audio"],
]);
export const PLAYED_FORMATS: readonly string[] = [...PLAYERS.keys()];

/** "video" or "audio" for a file a page can play in the browser's own player (its <source> type: {@link mediaType}). */
export function playerOf(file: string): "video" | "audio" | undefined {
  return PLAYERS.get(extensionOf(file));
}

/** Text types are sent with their charset: every text file of the site is UTF-8. */
const TEXT = /^(text\/.+|application\/(.+\+)?(xml|json)|application\/javascript)$/;
const UTF8 = "; charset=utf-8";

/** The extension of a file name or path, lower case, without the dot ("" for none or a dot file). */
export function extensionOf(file: string): string {
  const base = file.slice(file.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** `image/jpeg` for `a.jpg`; undefined for an unknown extension. */
export function mediaType(file: string): string | undefined {
  const ext = extensionOf(file);
  if (!ext) return undefined;
  return OVERRIDES[ext] ?? (mime.lookup(ext) || undefined);
}

/** The media type with `; charset=utf-8` for text (a Content-Type header's value). */
export function contentType(file: string): string | undefined {
  const type = mediaType(file);
  return type && TEXT.test(type) ? type + UTF8 : type;
}

/** JSON Feed's registered type, which no extension table can know: a feed is a `.json` file. */
export const JSON_FEED_TYPE = "application/feed+json" + UTF8;
