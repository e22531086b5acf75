/**
 * PDF documents as search results of their own. Pagefind reads HTML only, so
 * a link to a PDF inside a page's indexed content becomes a record of the
 * page's language and section, titled by the link: its `data-search-title`
 * attribute when the visible text is generic ("Télécharger"), else its text.
 * Pure: HTML in, records out.
 */
import { parse, type HTMLElement } from "node-html-parser";
import { SECTION_FILTER } from "./attributes.ts";

/** A Pagefind custom record (`index.addCustomRecord`). */
export interface PdfRecord {
  url: string;
  language: string;
  content: string;
  meta: { title: string };
  filters: Record<string, string[]>;
}

const clean = (text: string) => text.replace(/\s+/g, " ").trim();

function ignored(element: HTMLElement, body: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node && node !== body; node = node.parentNode) {
    if (node.hasAttribute?.("data-pagefind-ignore")) return true;
  }
  return false;
}

/** `section:Rapports` → `{ section: ["Rapports"] }`. */
export function parseFilters(attribute: string | undefined): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const part of (attribute ?? "").split(",")) {
    const at = part.indexOf(":");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    (filters[name] ??= []).push(part.slice(at + 1).trim());
  }
  return filters;
}

/**
 * The PDF records of one built page. `pageUrl` is its site path (`/reports/2024-2025/`);
 * links to other hosts are left out (only the site's own documents are its results).
 */
export function pdfRecords(html: string, pageUrl: string, siteUrl: string): PdfRecord[] {
  if (!/\.pdf\b/i.test(html)) return [];
  const root = parse(html);
  const body = root.querySelector("[data-pagefind-body]");
  const language = root.querySelector("html")?.getAttribute("lang");
  if (!body || !language) return [];
  const origin = new URL(siteUrl).origin;
  const pageTitle = clean(body.querySelector("h1")?.text ?? root.querySelector("title")?.text ?? "");
  const filters = parseFilters(body.getAttribute("data-pagefind-filter"));
  const records = new Map<string, PdfRecord>();
  for (const link of body.querySelectorAll("a[href]")) {
    const url = new URL(link.getAttribute("href")!, `${origin}${pageUrl}`);
    if (url.origin !== origin || !/\.pdf$/i.test(url.pathname) || ignored(link, body)) continue;
    const title = clean(link.getAttribute("data-search-title") ?? link.text);
    if (!title || records.has(url.pathname)) continue;
    const shown = /\bpdf\b/i.test(title) ? title : `${title} (PDF)`;
    records.set(url.pathname, {
      url: url.pathname,
      language,
      content: pageTitle ? `${shown}. ${pageTitle}.` : shown,
      meta: { title: shown },
      filters: filters[SECTION_FILTER] ? { [SECTION_FILTER]: filters[SECTION_FILTER] } : {},
    });
  }
  return [...records.values()];
}
