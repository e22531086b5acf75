/**
 * Build-time syntax highlighting: highlight.js turns code into spans with
 * `hljs-*` classes, coloured by highlight.css. Classes only, never a `style`
 * attribute, because the site's Content-Security-Policy forbids inline styles.
 * Visitors download no highlighting script.
 *
 * Only fences that name their language are highlighted (```yaml): guessing is
 * slow and often wrong on short snippets. An unknown language prints plain.
 */
import hljs from "highlight.js";
import { escapeMarkup } from "../core/escape.ts";

/**
 * markdown-it's `highlight` option. It returns the whole `<pre>` so the block
 * can be focused (tabindex) and scrolled with the keyboard when a line is wider
 * than the screen.
 */
export function highlightCode(code: string, lang: string): string {
  const language = lang.trim().toLowerCase();
  const known = language !== "" && hljs.getLanguage(language) !== undefined;
  const body = known ? hljs.highlight(code, { language, ignoreIllegals: true }).value : escapeMarkup(code);
  const codeClass = language ? ` class="${known ? "hljs " : ""}language-${escapeMarkup(language)}"` : "";
  return `<pre class="code-block" tabindex="0"><code${codeClass}>${body}</code></pre>`;
}
