/**
 * The import's final report: what was imported, paired, left untranslated or
 * skipped, the files fetched and still to fetch, the aliases, and every
 * construct a human should look at, each with its page. Pure: data in, text out.
 */
export interface WrittenPage {
  /** Path from the site's root (`content/blog/2024/x/index.fr.md`). */
  file: string;
  /** new: created; same: already identical; replaced: --overwrite; kept: differs, left alone. */
  state: "new" | "same" | "replaced" | "kept";
  from: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** The site written into, when it is not the current folder (paths below are from there). */
  site: string | undefined;
  pages: WrittenPage[];
  paired: { dir: string; langs: string[]; by: string }[];
  untranslated: { file: string; lang: string; from: string }[];
  skipped: { from: string; reason: string }[];
  fetched: { url: string; file: string }[];
  present: { url: string; file: string }[];
  missing: { url: string; file: string; error: string }[];
  aliases: { from: string; to: string }[];
  events: { file: string; status: string; missing: string[] }[];
  notes: { file: string; note: string }[];
}

const VERB: Record<WrittenPage["state"], string> = { new: "new     ", same: "same    ", replaced: "replaced", kept: "kept    " };

export function formatReport(r: ImportReport): string {
  const lines: string[] = [];
  const section = (title: string, count: number, body: string[]) => {
    lines.push("", `${title} (${count})`);
    lines.push(...(count ? body.map((l) => `  ${l}`) : ["  none"]));
  };
  const would = r.dryRun ? " — dry run, nothing written" : "";
  const changed = r.pages.filter((p) => p.state === "new" || p.state === "replaced").length;
  lines.push(`Import of ${r.pages.length} pages: ${changed} ${r.dryRun ? "to write" : "written"}, ${r.pages.filter((p) => p.state === "same").length} unchanged, ${r.pages.filter((p) => p.state === "kept").length} kept${would}`);
  if (r.site) lines.push(`(paths below are in ${r.site})`);
  section("Pages", r.pages.length, r.pages.map((p) => `${VERB[p.state]}  ${p.file}  ← ${p.from}`));
  section("Paired translations", r.paired.length, r.paired.map((p) => `${p.dir}  ${p.langs.join(" + ")}  (${p.by})`));
  section(
    "Untranslated (the old site showed another language; the build shows the original under its notice)",
    r.untranslated.length,
    r.untranslated.map((u) => `${u.file}  ${u.lang}  ← ${u.from}`),
  );
  section("Skipped", r.skipped.length, r.skipped.map((s) => `${s.from}: ${s.reason}`));
  section(r.dryRun ? "Files to fetch" : "Files fetched", r.dryRun ? r.missing.length : r.fetched.length, (r.dryRun ? r.missing : r.fetched).map((f) => `${f.file}  ← ${f.url}`));
  if (r.present.length) section("Files already here", r.present.length, r.present.map((f) => `${f.file}  ← ${f.url}`));
  if (!r.dryRun) {
    section(
      "Files missing (fetch each to the path shown, then rerun or build: the build names the pages that need them)",
      r.missing.length,
      r.missing.map((f) => `${f.file}  ← ${f.url}  (${f.error})`),
    );
  }
  section("Aliases (old URL → new page; the build writes a redirect for each)", r.aliases.length, r.aliases.map((a) => `${a.from} → ${a.to}`));
  if (r.events.length) {
    section(
      "Events",
      r.events.length,
      r.events.map((e) => `${e.file}  ${e.status}${e.missing.length ? `  DRAFT, complete by hand: ${e.missing.join("; ")}` : ""}`),
    );
  }
  section("To check by hand (not converted faithfully)", r.notes.length, r.notes.map((n) => `${n.file}: ${n.note}`));
  return `${lines.join("\n")}\n`;
}
