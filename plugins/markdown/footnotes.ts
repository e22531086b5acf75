/**
 * Footnotes (`text[^1]` … `[^1]: note`) with the markup GitHub uses for
 * screen readers: a hidden heading names the notes section, each reference
 * points to it with `aria-describedby`, and each back link says where it goes
 * in the page's language instead of a bare "↩".
 */
import type MarkdownIt from "markdown-it";
import type { PluginSimple } from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import { langOf } from "./env.ts";
import { fill, type StringsTable } from "./strings.ts";

// @types/markdown-it-footnote types it against markdown-it's CommonJS typings; same function.
const footnote = footnotePlugin as unknown as PluginSimple;

export function footnotesPlugin(md: MarkdownIt, opts: { defaultLanguage: string; strings: StringsTable }): void {
  md.use(footnote);
  // markdown-it-footnote keeps no line for a definition; its first block still has one. For the content
  // check: every definition with its line, in order (a label defined twice keeps only its last).
  md.core.ruler.before("footnote_tail", "footnote_lines", (state) => {
    const definitions: { label: string; line: number }[] = [];
    state.tokens.forEach((token, i) => {
      const map = state.tokens[i + 1]?.map;
      if (token.type === "footnote_reference_open" && map) definitions.push({ label: (token.meta as { label: string }).label, line: map[0] + 1 });
    });
    (state.env as { footnoteDefinitions?: typeof definitions }).footnoteDefinitions = definitions;
  });
  const rules = md.renderer.rules;
  const strings = (env: unknown) => opts.strings(langOf(env, opts.defaultLanguage));
  // One page may hold several rendered texts (a list of full posts); docId keeps their ids apart.
  const labelId = (env: unknown) => {
    const docId = (env as { docId?: unknown } | undefined)?.docId;
    return typeof docId === "string" ? `footnotes-label-${docId}` : "footnotes-label";
  };

  rules.footnote_caption = (tokens, idx) => {
    const meta = tokens[idx]!.meta as { id: number; subId: number };
    return String(meta.id + 1) + (meta.subId > 0 ? `:${meta.subId}` : "");
  };

  rules.footnote_ref = (tokens, idx, options, env, self) => {
    const id = self.rules.footnote_anchor_name!(tokens, idx, options, env, self);
    const caption = self.rules.footnote_caption!(tokens, idx, options, env, self);
    const meta = tokens[idx]!.meta as { subId: number };
    const refId = meta.subId > 0 ? `${id}:${meta.subId}` : id;
    return `<sup class="footnote-ref"><a href="#fn${id}" id="fnref${refId}" aria-describedby="${labelId(env)}">${caption}</a></sup>`;
  };

  // No <hr>: the section is announced by its hidden heading, the rule is only decoration for CSS.
  rules.footnote_block_open = (_tokens, _idx, _options, env) =>
    `<section class="footnotes">\n<h2 class="visually-hidden" id="${labelId(env)}">${md.utils.escapeHtml(strings(env).footnotes)}</h2>\n<ol class="footnotes-list">\n`;

  rules.footnote_anchor = (tokens, idx, options, env, self) => {
    let id = self.rules.footnote_anchor_name!(tokens, idx, options, env, self);
    const meta = tokens[idx]!.meta as { id: number; subId: number };
    if (meta.subId > 0) id += `:${meta.subId}`;
    const label = fill(strings(env).footnoteBack, { n: self.rules.footnote_caption!(tokens, idx, options, env, self) });
    // U+FE0E asks for the text glyph, not the emoji, on iOS.
    return ` <a href="#fnref${id}" class="footnote-backref" aria-label="${md.utils.escapeHtml(label)}">\u21a9\uFE0E</a>`;
  };
}
