/**
 * Tables scroll sideways on narrow screens inside a focusable, named region
 * (the pattern WCAG 1.4.10 Reflow and 2.1.1 Keyboard ask for: a keyboard user
 * must be able to scroll it, a screen-reader user must know what it holds).
 * Each region's name is numbered and lists the columns, so two regions on one
 * page never share a name (axe: landmark-unique).
 *
 * Column alignment (`| :---: |`) becomes a class (`align-center`): markdown-it
 * writes it as an inline `style`, which the site's CSP (`style-src 'self'`)
 * refuses, so the alignment was lost and the console filled with errors.
 */
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { langOf } from "./env.ts";
import { fill, type StringsTable } from "./strings.ts";

export function tablesPlugin(md: MarkdownIt, opts: { defaultLanguage: string; strings: StringsTable }): void {
  // After "inline": header cells' children are parsed, so their plain text is known.
  md.core.ruler.after("inline", "table_labels", (state) => {
    const strings = opts.strings(langOf(state.env, opts.defaultLanguage));
    let count = 0;
    state.tokens.forEach((token, i) => {
      if (token.type !== "table_open") return;
      count += 1;
      const headers = headerTexts(state.tokens, i);
      token.meta = {
        label: headers.length
          ? fill(strings.tableWithHeaders, { n: count, headers: headers.join(", ") })
          : fill(strings.table, { n: count }),
      };
    });
  });

  md.core.ruler.after("inline", "table_align_classes", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "th_open" && token.type !== "td_open") continue;
      const align = /^text-align:(left|center|right)$/.exec(token.attrGet("style") ?? "");
      if (!align) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      token.attrJoin("class", `align-${align[1]}`);
    }
  });

  md.renderer.rules.table_open = (tokens, idx, options, _env, self) => {
    const label = (tokens[idx]!.meta as { label?: string } | null)?.label ?? "";
    // A <section> with a name is a region landmark: the same as <div role="region">, in native HTML.
    return `<section class="table-scroll" aria-label="${md.utils.escapeHtml(label)}" tabindex="0">\n${self.renderToken(tokens, idx, options)}`;
  };
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</section>\n`;
}

/** Plain text of the first header row's cells, empty ones skipped. */
function headerTexts(tokens: Token[], tableIndex: number): string[] {
  const texts: string[] = [];
  for (let i = tableIndex + 1; i < tokens.length && tokens[i]!.type !== "thead_close"; i++) {
    const token = tokens[i]!;
    if (token.type !== "inline") continue;
    const text = (token.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("")
      .trim();
    if (text) texts.push(text);
  }
  return texts;
}
