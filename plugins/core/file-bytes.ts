/**
 * What a file holds, from its first (or last) bytes, whatever its name says: a
 * photo sharp reads, or an empty file, a Git LFS pointer (a repository checked
 * out without LFS), an iPhone HEIC photo, a document or a web page saved under
 * an image's name. The images plugin's check of each image, the reports'
 * check of their PDFs and the check of the files pages link to read files
 * with it; no decoding, a few bytes each.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** What a file of an image's name holds instead of an image sharp reads. */
export type WrongBytes = "empty" | "lfs" | "heic" | "svg" | { other: string | undefined };

/** Enough for every signature below, an ISO-BMFF `ftyp` box's brands and a Git LFS pointer's first line. */
export const HEAD_BYTES = 64;

/** What to do about a Git LFS pointer found in place of `files` ("photos", "documents"), for every message that finds one. */
export const lfsAdvice = (files: string) => `run git lfs pull to fetch the ${files} (in CI, check the repository out with LFS)`;

/** The first `length` bytes of a file (fewer when it is shorter), or undefined when it cannot be read (whoever reads it next will say why). */
export function readHead(file: string, length: number): Uint8Array | undefined {
  return readAt(file, length, () => 0);
}

/** The last `length` bytes of a file (all of it when it is shorter), or undefined when it cannot be read. */
export function readTail(file: string, length: number): Uint8Array | undefined {
  return readAt(file, length, (size) => Math.max(0, size - length));
}

function readAt(file: string, length: number, position: (size: number) => number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, position(fstatSync(fd).size)));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Brands of an ISO-BMFF `ftyp` box that mean HEIF with HEVC inside (an iPhone photo). */
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "heim", "heis", "hevm", "hevs", "mif1"]);

/**
 * Whether a file's first bytes are an image sharp reads (undefined), or what
 * they are instead. sharp reads the bytes, not the name: a PNG named .jpg is fine.
 */
export function sniffImage(head: Uint8Array): WrongBytes | undefined {
  if (head.length === 0) return "empty";
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString("latin1");
  const at = (offset: number, signature: string) => text.startsWith(signature, offset);
  if (at(0, "\xFF\xD8\xFF") || at(0, "\x89PNG\r\n\x1A\n") || at(0, "GIF8") || (at(0, "RIFF") && at(8, "WEBP"))) return undefined;
  if (at(0, "II*\0") || at(0, "MM\0*")) return undefined; // TIFF: sharp reads it too
  if (at(4, "ftyp")) {
    // The major brand, then the compatible brands after the minor version.
    const end = Math.min(text.length, new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0));
    const brands = [text.slice(8, 12)];
    for (let i = 16; i + 4 <= end; i += 4) brands.push(text.slice(i, i + 4));
    if (brands.includes("avif") || brands.includes("avis")) return undefined;
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return "heic";
    return { other: "a video or a sound recording" };
  }
  if (at(0, "version https://git-lfs.github.com/spec/")) return "lfs";
  if (at(0, "%PDF")) return { other: "a PDF document" };
  if (at(0, "PK\x03\x04")) return { other: "a ZIP archive, or a Word or LibreOffice document" };
  if (at(0, "\xD0\xCF\x11\xE0")) return { other: "an old Word, Excel or PowerPoint document" };
  const start = text.replace(/^(\xEF\xBB\xBF)?\s*/, "").slice(0, 20).toLowerCase();
  if (start.startsWith("<svg") || start.startsWith("<?xml")) return "svg";
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")) return { other: "a web page, saved instead of the picture it showed" };
  // Control characters other than tabs and line ends: binary, of no format named here.
  return { other: /[\0-\x08\x0E-\x1F]/.test(text) ? undefined : "text" };
}

/** How far from each end of a PDF its header and its `%%EOF` may be (readers look in the first and the last kilobyte). */
const PDF_ENDS = 1024;

/**
 * What is wrong with a document the site publishes (a report's PDF, a file a
 * page links to), as the end of a sentence starting "the file x.pdf": empty,
 * a Git LFS pointer, and for a PDF, another kind of file or cut off (no
 * `%%EOF` at its end, where every PDF writer puts it and readers look for it).
 * Published as they were, each gave readers a document that does not open.
 * `what` names it in the advice ("the report"); `pdf` says it must be a PDF
 * whatever its name (else one named .pdf). Undefined when it is fine.
 */
export function documentProblem(file: string, { what = "the document", pdf = file.toLowerCase().endsWith(".pdf") } = {}): string | undefined {
  const head = readHead(file, PDF_ENDS);
  if (!head) return undefined; // unreadable: the build's copy will say why
  const found = sniffImage(head.subarray(0, HEAD_BYTES));
  if (found === "empty") return "is empty (0 bytes): copy the document into the folder again";
  if (found === "lfs") return `is a Git LFS pointer (a few lines of text standing for the document), not the document: ${lfsAdvice("documents")}`;
  if (!pdf) return undefined;
  if (!Buffer.from(head).includes("%PDF-")) {
    const kind = found === undefined ? "an image" : typeof found === "object" && found.other ? found.other : "not a PDF";
    return `is not a PDF (it is ${kind}): export ${what} as PDF from your word processor and copy it into the folder`;
  }
  const tail = readTail(file, PDF_ENDS);
  if (tail && !Buffer.from(tail).includes("%%EOF")) return "is cut off (its end is missing, as after an interrupted copy): copy the document into the folder again";
  return undefined;
}
