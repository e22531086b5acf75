/**
 * The example PDFs of the starter content, written with pdf-lib: headings,
 * paragraphs and list items on A4 pages in the standard Helvetica fonts
 * (nothing embedded, so a report of a few pages weighs a few kilobytes).
 * Real reports come from the association's word processor.
 *
 * The file is tagged (a structure tree of headings, paragraphs and list
 * items, page numbers as artifacts) so screen readers read it in order, and
 * deterministic (no dates, no random id): the same text gives the same bytes,
 * so a rebuild uploads nothing new.
 */
import {
  PDFDocument,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  StandardFonts,
  beginMarkedContent,
  endMarkedContent,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from "pdf-lib";

export interface PdfBlock {
  kind: "title" | "subtitle" | "heading" | "paragraph" | "item";
  text: string;
}

export interface PdfDocument {
  /** Document title (shown by viewers in their title bar). */
  title: string;
  /** BCP 47 language of the text, for screen readers. */
  lang: string;
  author?: string;
  blocks: PdfBlock[];
}

// A4 in points, with 2 cm margins.
const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
const STYLE: Record<PdfBlock["kind"], { bold: boolean; size: number; before: number; tag: string }> = {
  title: { bold: true, size: 18, before: 0, tag: "H1" },
  subtitle: { bold: false, size: 11, before: 4, tag: "P" },
  heading: { bold: true, size: 13.5, before: 14, tag: "H2" },
  paragraph: { bold: false, size: 10.5, before: 7, tag: "P" },
  item: { bold: false, size: 10.5, before: 3, tag: "LI" },
};
const LEADING = 1.38;
const ITEM_INDENT = 14;

/** Text the standard fonts can show: they are WinAnsi, so a narrow no-break space (French amounts) becomes a no-break space, and anything else outside it a "?". */
function showable(text: string, font: PDFFont): string {
  const known = new Set(font.getCharacterSet());
  return [...text.normalize("NFC").replaceAll("\u202f", "\u00a0")].map((c) => (known.has(c.codePointAt(0)!) ? c : "?")).join("");
}

/** Greedy line breaking at spaces with the font's real glyph widths; a word longer than the line stays whole. */
export function wrapText(text: string, width: number, font: PDFFont, size: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** One structure element of the tag tree and the marked-content pieces that show it. */
interface Tagged {
  tag: string;
  parts: { page: PDFRef; mcid: number }[];
}

export async function buildPdf(doc: PdfDocument): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setLanguage(doc.lang);
  if (doc.author) pdf.setAuthor(doc.author);
  pdf.setProducer("chatons-site reports plugin (pdf-lib)");
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };

  const pages: { page: PDFPage; next: number; font?: PDFFont }[] = [];
  const newPage = () => pages.push({ page: pdf.addPage([PAGE.width, PAGE.height]), next: 0 });
  // Each setFont adds a font resource to the page, so it is called only when the font changes.
  const draw = (current: (typeof pages)[number], text: string, x: number, y: number, size: number, font: PDFFont) => {
    if (current.font !== font) current.page.setFont((current.font = font));
    current.page.drawText(text, { x, y, size });
  };
  const top = PAGE.height - PAGE.margin;
  const full = PAGE.width - 2 * PAGE.margin;
  const elements: Tagged[] = [];
  let y = top;
  newPage();

  // Marked content: an MCID ties the drawn text to its structure element; a bullet or page number is an artifact.
  const marked = (current: (typeof pages)[number], draw: () => void) => {
    const mcid = current.next++;
    current.page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), `<< /MCID ${mcid} >>`]));
    draw();
    current.page.pushOperators(endMarkedContent());
    return { page: current.page.ref, mcid };
  };
  const artifact = (page: PDFPage, draw: () => void) => {
    page.pushOperators(beginMarkedContent("Artifact"));
    draw();
    page.pushOperators(endMarkedContent());
  };

  for (const block of doc.blocks) {
    const style = STYLE[block.kind];
    const font = style.bold ? fonts.bold : fonts.regular;
    const indent = block.kind === "item" ? ITEM_INDENT : 0;
    const lineHeight = style.size * LEADING;
    const lines = wrapText(showable(block.text, font), full - indent, font, style.size);
    // A heading never ends a page: it moves to the next one with two lines of its text.
    const keep = block.kind === "heading" ? 3 * lineHeight : lineHeight;
    const element: Tagged = { tag: style.tag, parts: [] };
    elements.push(element);
    y -= y === top ? 0 : style.before;
    lines.forEach((text, i) => {
      if (y - (i === 0 ? keep : lineHeight) < PAGE.margin) {
        newPage();
        y = top;
      }
      y -= lineHeight;
      const current = pages.at(-1)!;
      if (block.kind === "item" && i === 0) artifact(current.page, () => draw(current, "\u2022", PAGE.margin + 2, y, style.size, font));
      element.parts.push(marked(current, () => draw(current, text, PAGE.margin + indent, y, style.size, font)));
    });
  }

  if (pages.length > 1) {
    pages.forEach((current, i) => {
      const label = `${i + 1} / ${pages.length}`;
      const x = PAGE.width - PAGE.margin - fonts.regular.widthOfTextAtSize(label, 9);
      artifact(current.page, () => draw(current, label, x, PAGE.margin / 2, 9, fonts.regular));
    });
  }

  tagTree(pdf, pages.map((p) => p.page), elements);
  return Buffer.from(await pdf.save());
}

/** The structure tree (ISO 32000 §14.7): Document → H1, H2, P, and L → LI → LBody for runs of items; a parent tree per page. */
function tagTree(pdf: PDFDocument, pages: PDFPage[], elements: Tagged[]): void {
  const { context, catalog } = pdf;
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  // Per page, the structure element of each MCID (the parent tree maps marked content back to the tree).
  const byPage = new Map<PDFRef, PDFRef[]>(pages.map((p) => [p.ref, []]));
  const element = (ref: PDFRef, tag: string, parent: PDFRef, shown: Tagged) => {
    const kids = shown.parts.map(({ page, mcid }) => {
      byPage.get(page)![mcid] = ref;
      return context.obj({ Type: "MCR", Pg: page, MCID: mcid });
    });
    context.assign(ref, context.obj({ Type: "StructElem", S: tag, P: parent, K: kids }));
  };
  const children: PDFRef[] = [];
  let list: { ref: PDFRef; items: PDFRef[] } | undefined;
  const closeList = () => {
    if (list) context.assign(list.ref, context.obj({ Type: "StructElem", S: "L", P: documentRef, K: list.items }));
    list = undefined;
  };
  for (const shown of elements) {
    const ref = context.nextRef();
    if (shown.tag !== "LI") {
      closeList();
      children.push(ref);
      element(ref, shown.tag, documentRef, shown);
      continue;
    }
    if (!list) {
      list = { ref: context.nextRef(), items: [] };
      children.push(list.ref);
    }
    list.items.push(ref);
    const body = context.nextRef();
    element(body, "LBody", ref, shown);
    context.assign(ref, context.obj({ Type: "StructElem", S: "LI", P: list.ref, K: [body] }));
  }
  closeList();

  context.assign(documentRef, context.obj({ Type: "StructElem", S: "Document", P: rootRef, K: children }));
  const nums: (number | PDFRef)[] = [];
  pages.forEach((page, i) => {
    page.node.set(PDFName.of("StructParents"), context.obj(i));
    nums.push(i, context.register(context.obj(byPage.get(page.ref)!)));
  });
  context.assign(rootRef, context.obj({ Type: "StructTreeRoot", K: documentRef, ParentTree: context.obj({ Nums: nums }) }));
  catalog.set(PDFName.of("StructTreeRoot"), rootRef);
  catalog.set(PDFName.of("MarkInfo"), context.obj({ Marked: true }));
}
