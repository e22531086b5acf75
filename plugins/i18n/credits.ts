/**
 * Who made a page besides its writers (translators, proofreaders, the authors
 * of its illustrations) and where a republished text first appeared, as lines
 * in the page's language. Pure: layouts turn the lines into JSX, feeds into
 * their entries' HTML, so both say the same thing with the same words.
 */
import type { TFunction } from "i18next";
import type { Provenance } from "../validate/fields.ts";

/** A piece of a line: text, a link, or text in another language than the page's. */
export interface CreditSegment {
  text: string;
  href?: string | undefined;
  lang?: string | undefined;
}

export type CreditLine = CreditSegment[];

export interface CreditOptions {
  /** The page's locale, for lists of names ("Sam et Jo", "Sam and Jo"). */
  locale: string;
  /** Language of the front-matter text (a credit's `work`) when not the page's. */
  textLang?: string | undefined;
  /** Leave translators out (a post names them in its header already; an untranslated copy has none). */
  withTranslators?: boolean;
}

export function joinNames(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(names);
}

export function creditLines(p: Provenance, t: TFunction, options: CreditOptions): CreditLine[] {
  const lines: CreditLine[] = [];
  const names = (list: readonly string[]) => joinNames(list, options.locale);
  if (options.withTranslators !== false && p.translators?.length) lines.push([{ text: t("credits.translation", { names: names(p.translators) }) }]);
  if (p.revisers?.length) lines.push([{ text: t("credits.revision", { names: names(p.revisers) }) }]);
  for (const credit of p.credits ?? []) {
    const work = credit.work ? { text: credit.work, lang: options.textLang } : { text: t("credits.illustration") };
    const line: CreditLine = [work, { text: t("credits.by") }];
    // The link goes where the work comes from: on the licence when one is named, else on the author.
    if (credit.licence) line.push({ text: credit.author }, { text: ", " }, { text: credit.licence, href: credit.url });
    else line.push({ text: credit.author, href: credit.url });
    lines.push(line);
  }
  if (p.source) lines.push([{ text: t("credits.source") }, { text: p.source.title, href: p.source.url }]);
  return lines;
}
