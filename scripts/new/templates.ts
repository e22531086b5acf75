/**
 * What `npm run new` writes for each content type: the file's place in the
 * content tree and its front matter. Pure: the answers come in, text comes out.
 */
import slugifyText from "@sindresorhus/slugify";
import YAML from "yaml";
import type { NoticeKind } from "../../plugins/services/notices.ts";

export const TYPES = ["post", "event", "report", "doc", "notice"] as const;
export type ContentType = (typeof TYPES)[number];

export const REPORT_KINDS = ["moral", "financial", "assembly"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A year (2024) or two consecutive years (2024-2025), as the finances files name them. */
export const EXERCICE = /^\d{4}(-\d{4})?$/;

export interface Answers {
  type: ContentType;
  lang: string;
  title: string;
  /** Folder name; made from the title when absent. */
  slug?: string | undefined;
  summary?: string | undefined;
  /** post: publication; report: date of the assembly that adopted it. Wall clock. */
  date?: string | undefined;
  authors?: string[] | undefined;
  tags?: string[] | undefined;
  /** event */
  start?: string | undefined;
  end?: string | undefined;
  /** A series: `every` (week, month…) up to `until`. */
  repeat?: { every: string; until: string } | undefined;
  venue?: { name: string; address: string; city: string } | undefined;
  online?: string | undefined;
  /** report */
  exercice?: string | undefined;
  kind?: ReportKind | undefined;
  /** notice: maintenance or incident (its `kind`). */
  noticeKind?: NoticeKind | undefined;
  /** notice: ids of data/services.yaml. */
  services?: string[] | undefined;
  /** doc: folders under docs/ (`ecrire` or `services/messagerie`). */
  section?: string | undefined;
  order?: number | undefined;
}

export interface Scaffold {
  /** Path inside the content folder. */
  file: string;
  text: string;
}

/** A URL segment from a title: ASCII, lowercase, hyphens ("L'Œuvre & nous" → "l-oeuvre-et-nous" in French). */
export function slugify(title: string, lang: string): string {
  return slugifyText(title, { decamelize: false, customReplacements: [["&", lang === "fr" ? " et " : " and "]] });
}

/** A title for a report when none is given. */
export function reportTitle(kind: ReportKind, exercice: string, lang: string): string {
  const fr: Record<ReportKind, string> = { moral: "Rapport moral", financial: "Rapport financier", assembly: "Assemblée générale" };
  const en: Record<ReportKind, string> = { moral: "Moral report", financial: "Financial report", assembly: "General assembly" };
  return `${(lang === "fr" ? fr : en)[kind]} ${exercice}`;
}

/** The placeholder text of a new page, in its language. */
const BODY: Record<string, Record<ContentType, string>> = {
  fr: {
    post: "Écrivez ici votre article en Markdown. Les photos se rangent dans ce dossier, à côté de ce fichier.",
    event: "Décrivez ici l’événement : à qui il s’adresse, ce qu’on y fera, ce qu’il faut apporter.",
    report: "Rédigez ici le rapport. Un PDF déposé dans ce dossier peut être indiqué dans le champ pdf.",
    doc: "Expliquez ici, pas à pas, ce que la personne qui lit veut faire.",
    notice: "Dites ici ce qui ne fonctionne pas (ou ne fonctionnera pas), depuis quand et jusqu’à quand, et ce que les membres doivent faire, ou n’ont pas à faire.",
  },
  en: {
    post: "Write your post here in Markdown. Photos go in this folder, next to this file.",
    event: "Describe the event here: who it is for, what will happen, what to bring.",
    report: "Write the report here. A PDF placed in this folder can be named in the pdf field.",
    doc: "Explain here, step by step, what the reader wants to do.",
    notice: "Say here what does not work (or will not), since when and until when, and what members must do, or need not do.",
  },
};

const scalar = (value: unknown) => YAML.stringify(value, { lineWidth: 0 }).trimEnd();

/** `key: value` lines, skipping undefined values; nested objects are indented by YAML itself. */
function fields(entries: [string, unknown][]): string[] {
  return entries.flatMap(([key, value]) => {
    if (value === undefined) return [];
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return [`${key}:`, ...scalar(value).split("\n").map((l) => `  ${l}`)];
    }
    if (Array.isArray(value)) return [`${key}: ${YAML.stringify(value, { flow: true, lineWidth: 0 }).trimEnd().replace(/^\[ (.*) \]$/, "[$1]")}`];
    return [`${key}: ${scalar(value)}`];
  });
}

export function scaffold(a: Answers): Scaffold {
  const slug = a.slug ?? slugify(a.title, a.lang);
  const yearOf = (wall: string | undefined) => (wall ?? "").slice(0, 4);
  let dir: string;
  let front: string[];
  switch (a.type) {
    case "post":
      dir = `blog/${yearOf(a.date)}/${slug}`;
      front = fields([
        ["title", a.title],
        ["date", a.date],
        ["summary", a.summary],
        ["authors", a.authors?.length ? a.authors : undefined],
        ["tags", a.tags ?? []],
      ]);
      front.push("# image: photo.jpg", "# imageAlt: what the photo shows");
      break;
    case "event":
      dir = `events/${yearOf(a.start)}/${slug}`;
      front = fields([
        ["title", a.title],
        ["start", a.start],
        ["end", a.end],
        ["repeat", a.repeat],
        ["summary", a.summary],
        ["venue", a.venue],
        ["online", a.online],
        ["tags", a.tags?.length ? a.tags : undefined],
      ]);
      front.push("# registration: { url: https://…, deadline: 2025-03-10 }", "# price: free");
      if (!a.repeat) front.push("# repeat: { every: month, until: 2025-06-30 }  # comes back each month (week, 2 weeks…) until that day");
      break;
    case "report":
      // The folder names the document, as the reports plugin expects: reports/2024-2025/rapport-moral/.
      dir = `reports/${a.exercice}/${a.slug ?? slugify(reportTitle(a.kind!, "", a.lang), a.lang)}`;
      front = fields([
        ["title", a.title],
        ["exercice", a.exercice],
        ["kind", a.kind],
        ["date", a.date],
        ["summary", a.summary],
      ]);
      front.push("# pdf: rapport.pdf");
      break;
    case "doc":
      dir = ["docs", ...(a.section ? a.section.split("/").filter(Boolean) : []), slug].join("/");
      front = fields([
        ["title", a.title],
        ["summary", a.summary],
        ["order", a.order],
      ]);
      break;
    case "notice":
      // The day first: the folders sort by date, and next year's work on the same service gets its own name.
      dir = `status/${(a.start ?? "").slice(0, 10)}-${slug}`;
      front = fields([
        ["title", a.title],
        ["kind", a.noticeKind],
        ["services", a.services],
        ["start", a.start],
        ["end", a.end],
        ["summary", a.summary],
      ]);
      if (!a.end) front.push("# end: 2025-03-12T23:00  # when it was solved: add it then");
      break;
  }
  // New pages stay out of the published site until the writer says they are ready.
  front.push("# Shown by npm start only; delete the next line to publish.", "draft: true");
  const body = (BODY[a.lang] ?? BODY.en!)[a.type];
  return { file: `${dir}/index.${a.lang}.md`, text: `---\n${front.join("\n")}\n---\n\n${body}\n` };
}
