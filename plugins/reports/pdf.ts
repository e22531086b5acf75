/**
 * A small, valid PDF 1.7 of plain text: headings, paragraphs and list items on
 * A4 pages, in the base-14 Helvetica fonts (nothing embedded, so a report of a
 * few pages weighs a few kilobytes). Enough for the example PDFs of the starter
 * content; real reports come from the association's word processor.
 *
 * The output is deterministic (no creation date, no random id): the same text
 * gives the same bytes, so a rebuild uploads nothing new.
 */

export interface PdfBlock {
  kind: "title" | "subtitle" | "heading" | "paragraph" | "item";
  text: string;
}

export interface PdfDocument {
  /** Document title (Info dictionary, shown by viewers in their title bar). */
  title: string;
  /** BCP 47 language of the text, for screen readers. */
  lang: string;
  author?: string;
  blocks: PdfBlock[];
}

// A4 in points, with 2 cm margins.
const PAGE = { width: 595.28, height: 841.89, margin: 56.7 };
const STYLE: Record<PdfBlock["kind"], { font: "F1" | "F2"; size: number; before: number }> = {
  title: { font: "F2", size: 18, before: 0 },
  subtitle: { font: "F1", size: 11, before: 4 },
  heading: { font: "F2", size: 13.5, before: 14 },
  paragraph: { font: "F1", size: 10.5, before: 7 },
  item: { font: "F1", size: 10.5, before: 3 },
};
const LEADING = 1.38;
const ITEM_INDENT = 14;

/** Helvetica glyph widths in thousandths of an em, rounded up by class so a line never overflows. */
function glyphWidth(char: string, bold: boolean): number {
  const extra = bold ? 40 : 0;
  if (" .,;:'!|ijlIft()[]/\u00a0".includes(char)) return 278 + extra;
  if ("mwMW—…%@".includes(char)) return 944 + extra;
  if (/[A-ZÀ-ÝŒ«»€&]/u.test(char)) return 722 + extra;
  if ("r-\"".includes(char)) return 389 + extra;
  return 556 + extra;
}

export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const char of text) units += glyphWidth(char, bold);
  return (units / 1000) * size;
}

/** Greedy line breaking at spaces; a word longer than the line stays whole. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Characters of WinAnsiEncoding outside Latin-1, by code point. */
const WIN_ANSI: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x2026: 0x85, 0x0152: 0x8c, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x0153: 0x9c, 0x0178: 0x9f,
};

/** A PDF literal string in WinAnsiEncoding, every non-ASCII byte as an octal escape. */
export function pdfString(text: string): string {
  let out = "(";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    // Narrow no-break spaces (French thousands, « ») have no WinAnsi glyph: a no-break space reads the same.
    const byte = code === 0x202f ? 0xa0 : (WIN_ANSI[code] ?? (code < 0x100 ? code : 0x3f));
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** A PDF text string for the Info dictionary: UTF-16BE with its byte-order mark, in hex. */
export function pdfUnicodeString(text: string): string {
  let hex = "FEFF";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return `<${hex}>`;
}

interface PlacedLine {
  font: "F1" | "F2";
  size: number;
  x: number;
  y: number;
  text: string;
}

/** Lays the blocks out on pages, top to bottom. */
export function layoutPages(blocks: readonly PdfBlock[]): PlacedLine[][] {
  const pages: PlacedLine[][] = [[]];
  const top = PAGE.height - PAGE.margin;
  let y = top;
  const full = PAGE.width - 2 * PAGE.margin;
  for (const block of blocks) {
    const style = STYLE[block.kind];
    const indent = block.kind === "item" ? ITEM_INDENT : 0;
    const lineHeight = style.size * LEADING;
    const lines = wrapText(block.text, full - indent, style.size, style.font === "F2");
    // A heading never ends a page: it moves to the next one with two lines of its text.
    const keep = block.kind === "heading" ? 3 * lineHeight : lineHeight;
    y -= y === top ? 0 : style.before;
    lines.forEach((text, i) => {
      if (y - (i === 0 ? keep : lineHeight) < PAGE.margin) {
        pages.push([]);
        y = top;
      }
      y -= lineHeight;
      const bullet = block.kind === "item" && i === 0;
      if (bullet) pages.at(-1)!.push({ font: style.font, size: style.size, x: PAGE.margin + 2, y, text: "\u2022" });
      pages.at(-1)!.push({ font: style.font, size: style.size, x: PAGE.margin + indent, y, text });
    });
  }
  return pages;
}

function contentStream(lines: readonly PlacedLine[], pageNumber: number, pageCount: number): string {
  const ops = lines.map((l) => `BT /${l.font} ${l.size} Tf ${l.x.toFixed(2)} ${l.y.toFixed(2)} Td ${pdfString(l.text)} Tj ET`);
  if (pageCount > 1) {
    const label = `${pageNumber} / ${pageCount}`;
    const x = PAGE.width - PAGE.margin - textWidth(label, 9);
    ops.push(`BT /F1 9 Tf ${x.toFixed(2)} ${(PAGE.margin / 2).toFixed(2)} Td ${pdfString(label)} Tj ET`);
  }
  return ops.join("\n");
}

/** The whole file. Offsets in the cross-reference table are byte offsets, so everything is built as Latin-1 bytes. */
export function buildPdf(doc: PdfDocument): Buffer {
  const pages = layoutPages(doc.blocks);
  // 1 catalog, 2 page tree, 3-4 fonts, 5 info, then a page and its content per page.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  objects[1] = `<< /Type /Catalog /Pages 2 0 R /Lang ${pdfString(doc.lang)} /ViewerPreferences << /DisplayDocTitle true >> >>`;
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  const author = doc.author ? ` /Author ${pdfUnicodeString(doc.author)}` : "";
  objects[5] = `<< /Title ${pdfUnicodeString(doc.title)}${author} /Producer (chatons-site reports plugin) >>`;
  pages.forEach((lines, i) => {
    const id = pageIds[i]!;
    const stream = contentStream(lines, i + 1, pages.length);
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`;
  });

  // The comment of four high bytes tells transfer tools the file is binary.
  let out = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/**
 * Checks what a reader needs to open the file: header, every object where the
 * cross-reference table says, the trailer and the end marker. Returns the
 * problems found (none for a sound file); used by tests on committed PDFs.
 */
export function pdfProblems(bytes: Buffer): string[] {
  const text = bytes.toString("latin1");
  const problems: string[] = [];
  if (!text.startsWith("%PDF-1.")) problems.push("no %PDF-1.x header");
  if (!/%%EOF\s*$/.test(text)) problems.push("no %%EOF at the end");
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) return [...problems, "no startxref"];
  const xrefAt = Number(start[1]);
  if (!text.startsWith("xref", xrefAt)) return [...problems, `startxref points at byte ${xrefAt}, not at the xref table`];
  const table = /^xref\s+0 (\d+)\s+((?:\d{10} \d{5} [nf] ?\r?\n)+)/.exec(text.slice(xrefAt));
  if (!table) return [...problems, "the xref table cannot be read"];
  const entries = table[2]!.trim().split(/\r?\n/);
  if (entries.length !== Number(table[1])) problems.push(`the xref table announces ${table[1]} entries and has ${entries.length}`);
  entries.forEach((entry, id) => {
    const [offset, , use] = entry.trim().split(" ");
    if (use !== "n") return;
    if (!text.startsWith(`${id} 0 obj`, Number(offset))) problems.push(`object ${id} is not at byte ${Number(offset)}`);
  });
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text);
  if (!trailer || !/\/Root \d+ 0 R/.test(trailer[1]!)) problems.push("the trailer names no /Root");
  if (trailer && !new RegExp(`/Size ${entries.length}\\b`).test(trailer[1]!)) problems.push("the trailer's /Size does not match the xref table");
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const begin = match.index + match[0].length;
    if (!text.startsWith("\nendstream", begin + Number(match[1]))) problems.push(`a stream at byte ${begin} is not ${match[1]} bytes long`);
  }
  return problems;
}
