/**
 * The `:::` blocks writers use, each closed by a line holding only `:::`.
 *
 *   ::: note [title]      ::: tip [title]      ::: warning [title]
 *   ::: details Question?                      (FAQ: one block per question)
 *   ::: donate [button text]                   (call to give, button to `donateUrl`)
 *   ::: donate https://… ["button text"]       (the same, to another form: a campaign's)
 *
 * GitHub's alert syntax is accepted too, so text pasted from a forge keeps its look:
 *
 *   > [!NOTE]
 *   > The AG starts at 18:30.
 *
 * Titles may hold inline Markdown. Default titles come from the strings table
 * in the page's language.
 */
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { addContainer, paramsAfter } from "./containers.ts";
import { contentError, langOf, localizePath, pageLangOf } from "./env.ts";
import type { StringsTable } from "./strings.ts";

export const CALLOUT_KINDS = ["note", "tip", "warning"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

interface BlocksOptions {
  defaultLanguage: string;
  donateUrl: string | undefined;
  strings: StringsTable;
}

export function blocksPlugin(md: MarkdownIt, opts: BlocksOptions): void {
  const strings = (env: unknown) => opts.strings(langOf(env, opts.defaultLanguage));
  const inline = (text: string, env: unknown) => md.renderInline(text, { lang: langOf(env, opts.defaultLanguage) });

  const calloutOpen = (kind: CalloutKind, title: string, env: unknown) =>
    // role="note": an <aside> inside <main> would otherwise be a complementary
    // landmark, which axe wants at the top level only.
    `<aside class="callout callout-${kind}" role="note">\n<p class="callout-title">${title ? inline(title, env) : md.utils.escapeHtml(strings(env)[kind])}</p>\n`;

  for (const kind of CALLOUT_KINDS) {
    addContainer(md, kind, { open: (title, env) => calloutOpen(kind, title, env), close: () => "</aside>\n" });
  }

  addContainer(md, "details", {
    open: (question, env) => `<details class="details">\n<summary>${question ? inline(question, env) : md.utils.escapeHtml(strings(env).details)}</summary>\n`,
    close: () => "</details>\n",
  });

  addContainer(md, "donate", {
    open: () => `<div class="donate">\n`,
    close: (env, tokens, idx) => {
      const open = matchingOpen(tokens, idx);
      const target = donateTarget(open ? paramsAfter(open.info, "donate") : "");
      if (!target.url && !opts.donateUrl) {
        throw contentError(env, "a ::: donate block needs the site's donateUrl option (the page it links to), or its own form: ::: donate https://… \"Label\"");
      }
      const href = target.url ?? localizePath(opts.donateUrl!, pageLangOf(env, opts.defaultLanguage), opts.defaultLanguage);
      const text = target.label ? inline(target.label, env) : md.utils.escapeHtml(strings(env).donate);
      // Another site's form: the same privacy as any external link (see links.ts).
      const rel = target.url ? ` rel="noopener noreferrer"` : "";
      return `<p class="donate-action"><a class="donate-button" href="${md.utils.escapeHtml(href)}"${rel}>${text}</a></p>\n</div>\n`;
    },
  });

  md.core.ruler.before("inline", "github_alerts", (state) => githubAlerts(state.tokens));
  md.renderer.rules.callout_open = (tokens, idx, _options, env) =>
    calloutOpen((tokens[idx]!.meta as { kind: CalloutKind }).kind, "", env);
  md.renderer.rules.callout_close = () => "</aside>\n";
}

/**
 * `https://form.example/x "Soutenir la campagne"` → that URL and label;
 * `Faire un don` → the site's donate page with that label. Quotes are optional
 * around a label that follows a URL.
 */
export function donateTarget(params: string): { url?: string; label: string } {
  const withUrl = /^(https?:\/\/\S+)(?:\s+(.*))?$/i.exec(params);
  if (!withUrl) return { label: params };
  const label = (withUrl[2] ?? "").trim().replace(/^"(.*)"$/, "$1").replace(/^“(.*)”$/, "$1");
  return { url: withUrl[1]!, label };
}

/** The opening token of the container closed at `idx`. */
function matchingOpen(tokens: Token[], idx: number): Token | undefined {
  const close = tokens[idx]!;
  for (let i = idx - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.nesting === 1 && token.level === close.level && token.type === close.type.replace(/_close$/, "_open")) return token;
  }
  return undefined;
}

// GitHub wants the marker alone on its line; text after it is accepted as the first line of the body.
const ALERT_MARKER = /^\[!(note|tip|warning)\][ \t]*(?:\r?\n)?/i;

/**
 * `> [!NOTE]` blockquotes become callout tokens. Runs before inline parsing, on
 * the raw text of the quote's first paragraph, so the marker never reaches the page.
 */
function githubAlerts(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const open = tokens[i]!;
    const first = tokens[i + 2]!;
    if (open.type !== "blockquote_open" || tokens[i + 1]!.type !== "paragraph_open" || first.type !== "inline") continue;
    const marker = ALERT_MARKER.exec(first.content);
    if (!marker) continue;
    const close = tokens.slice(i + 1).find((t) => t.type === "blockquote_close" && t.level === open.level);
    if (!close) continue;
    open.type = "callout_open";
    open.meta = { kind: marker[1]!.toLowerCase() as CalloutKind };
    close.type = "callout_close";
    first.content = first.content.slice(marker[0].length);
    // A marker alone on its line leaves an empty paragraph: drop it.
    if (first.content.trim() === "") tokens.splice(i + 1, 3);
  }
}
