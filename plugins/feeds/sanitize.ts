/**
 * Text that goes into a feed. XML 1.0 forbids most control characters even
 * escaped (`&#1;` is as fatal as the raw byte), and one stray character from a
 * pasted text makes a strict reader reject the whole feed, so they are removed
 * from every string before it reaches the `feed` package. Pure.
 */
import { perKey } from "../core/memo.ts";

/**
 * C0 controls except tab, line feed and carriage return; DEL and the C1 range
 * (allowed by XML 1.0 but flagged by validators and never meant in a text);
 * lone surrogates; the noncharacters U+FDD0–U+FDEF, U+FFFE and U+FFFF (render.ts
 * uses one as a marker, so none may come from the content).
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text without the characters XML cannot carry. Kept by text: a post's
 * content goes into each of its feeds (its language's, each of its tags'), in
 * each format.
 */
export const xmlSafe: (text: string) => string = perKey((text) => text.replace(FORBIDDEN, ""), 20_000);
