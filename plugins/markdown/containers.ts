/**
 * `::: name words` blocks (markdown-it-container), each named by its first word,
 * the rest of the line its title or parameters: callouts, details, donate,
 * downloads, gallery.
 */
import type MarkdownIt from "markdown-it";
import type { PluginWithParams, Token } from "markdown-it";
import containerPlugin from "markdown-it-container";

// @types/markdown-it-container types it against markdown-it's CommonJS typings; same function.
const container = containerPlugin as unknown as PluginWithParams;

/** `details Question?` → "Question?"; the words after the block's name. */
export function paramsAfter(info: string, name: string): string {
  return info.trim().slice(name.length).trim();
}

export interface ContainerRender {
  /** The block's start, from the words after its name. */
  open(params: string, env: unknown): string;
  /** Its end; `tokens` and `idx` (its closing token) for a block that needs its start's words there. */
  close(env: unknown, tokens: Token[], idx: number): string;
}

/** Registers the `::: name` block: a line starting with the name (then a space, or nothing) opens it. */
export function addContainer(md: MarkdownIt, name: string, render: ContainerRender): void {
  const opens = new RegExp(`^${name}(\\s|$)`);
  md.use(container, name, {
    validate: (params: string) => opens.test(params.trim()),
    render: (tokens: Token[], idx: number, _options: unknown, env: unknown) => {
      const token = tokens[idx]!;
      return token.nesting === 1 ? render.open(paramsAfter(token.info, name), env) : render.close(env, tokens, idx);
    },
  });
}
