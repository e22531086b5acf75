/**
 * A PDF read back the way a viewer reads it, with Mozilla's pdf.js: its
 * metadata, the text of each page and the roles of its tag tree.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** pdf.js draws the standard fonts from its own files; pointing at them keeps it from warning. */
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

export interface ReadPdf {
  title: string;
  lang: string;
  author: string;
  /** The text of each page, its runs joined by spaces. */
  pages: string[];
  /** The structure roles of the tag tree, depth first (`Document`, `H1`, `P`, `L`, `LI`, `LBody`…). */
  roles: string[];
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: STANDARD_FONTS, verbosity: 0 }).promise;
  try {
    const info = (await doc.getMetadata()).info as Record<string, string>;
    const pages: string[] = [];
    const roles: string[] = [];
    const walk = (node: StructNode | null) => {
      if (!node) return;
      if (node.role && node.role !== "Root") roles.push(node.role);
      node.children?.forEach(walk);
    };
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).filter((s) => s.trim()).join(" "));
      if (n === 1) walk((await page.getStructTree()) as StructNode);
    }
    return { title: info.Title ?? "", lang: info.Language ?? "", author: info.Author ?? "", pages, roles };
  } finally {
    await doc.destroy();
  }
}
