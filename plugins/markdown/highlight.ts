/**
 * Build-time syntax highlighting: highlight.js turns code into spans with
 * `hljs-*` classes, coloured by highlight.css. Classes only, never a `style`
 * attribute, because the site's Content-Security-Policy forbids inline styles.
 * Visitors download no highlighting script.
 *
 * Only fences that name their language are highlighted (```yaml): guessing is
 * slow and often wrong on short snippets. An unknown language prints plain.
 */
import { createRequire } from "node:module";
import hljs from "highlight.js/lib/core";
import type { Language, LanguageFn } from "highlight.js";
import { escapeMarkup } from "../core/escape.ts";
import { LANGUAGES } from "./highlight-languages.ts";

const require = createRequire(import.meta.url);

/**
 * Every name highlight.js's full build answers to (a language or an alias) →
 * the language it names. A name that is a language stays that language.
 */
const LANGUAGE_OF = new Map<string, string>();
for (const [language, aliases] of Object.entries(LANGUAGES)) for (const alias of aliases) LANGUAGE_OF.set(alias, language);
for (const language of Object.keys(LANGUAGES)) LANGUAGE_OF.set(language, language);

const registered = new Set<string>();

/**
 * Registers a language the first time a code block names it, with the
 * languages its grammar hands parts to (`subLanguage`: CSS and JavaScript in
 * HTML…). The full build loads all 193 modules at startup, about 15 % of the
 * modules a build loads, for the handful a site's pages use.
 */
function register(language: string): void {
  if (registered.has(language)) return;
  registered.add(language);
  hljs.registerLanguage(language, require(`highlight.js/lib/languages/${language}`) as LanguageFn);
  for (const name of embeddedLanguages(hljs.getLanguage(language)!)) {
    const embedded = LANGUAGE_OF.get(name.toLowerCase());
    if (embedded) register(embedded);
  }
}

/** The `subLanguage` names anywhere in a grammar's modes. */
function embeddedLanguages(grammar: Language): Set<string> {
  const names = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    const sub = (value as { subLanguage?: unknown }).subLanguage;
    for (const name of Array.isArray(sub) ? sub : [sub]) if (typeof name === "string") names.add(name);
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child);
  };
  visit(grammar);
  return names;
}

/**
 * markdown-it's `highlight` option. It returns the whole `<pre>` so the block
 * can be focused (tabindex) and scrolled with the keyboard when a line is wider
 * than the screen.
 */
export function highlightCode(code: string, lang: string): string {
  const language = lang.trim().toLowerCase();
  const grammar = LANGUAGE_OF.get(language);
  if (grammar) register(grammar);
  const known = grammar !== undefined;
  // By the language the name leads to in the full build, not by the aliases of the languages registered so far.
  const body = known ? hljs.highlight(code, { language: grammar, ignoreIllegals: true }).value : escapeMarkup(code);
  const codeClass = language ? ` class="${known ? "hljs " : ""}language-${escapeMarkup(language)}"` : "";
  return `<pre class="code-block" tabindex="0"><code${codeClass}>${body}</code></pre>`;
}
