/**
 * Plain text from a Markdown summary, for calendar DESCRIPTIONs, JSON-LD and event
 * lists, and for the text the validation proposes when a summary that must be plain
 * holds Markdown: no markup, no HTML, links kept as "text (url)" so they stay usable
 * in a calendar client.
 */
import MarkdownIt from "markdown-it";

type Token = ReturnType<MarkdownIt["parse"]>[number];

// Raw HTML is read as tokens (html_inline/html_block) so it can be dropped, never rendered.
const md = new MarkdownIt({ html: true, linkify: false });

function inline(children: readonly Token[]): string {
  let out = "";
  const links: { href: string; start: number }[] = [];
  for (const t of children) {
    switch (t.type) {
      case "text":
      case "text_special": // an entity or escape, already decoded by markdown-it
      case "code_inline":
        out += t.content;
        break;
      case "softbreak":
        out += " ";
        break;
      case "hardbreak":
        out += "\n";
        break;
      case "image":
        out += t.content; // its alt text
        break;
      case "link_open":
        links.push({ href: t.attrGet("href") ?? "", start: out.length });
        break;
      case "link_close": {
        const link = links.pop();
        const label = link ? out.slice(link.start) : "";
        if (link && link.href && link.href !== label && `mailto:${label}` !== link.href) out += ` (${link.href})`;
        break;
      }
      default:
        break; // html_inline, emphasis markers…: their text comes in `text` tokens
    }
  }
  return out;
}

/** The text of `markdown`, paragraphs separated by a blank line, list items by "- ". */
export function plainText(markdown: string): string {
  const blocks: string[] = [];
  let item = false;
  for (const t of md.parse(markdown, {})) {
    if (t.type === "list_item_open") item = true;
    if (t.type === "inline") {
      const text = inline(t.children ?? []).trim();
      if (text) blocks.push(item ? `- ${text}` : text);
      item = false;
    } else if (t.type === "fence" || t.type === "code_block") {
      blocks.push(t.content.trimEnd());
    }
  }
  // Consecutive list items stay on consecutive lines.
  return blocks.map((b, i) => (i === 0 ? b : `${b.startsWith("- ") && blocks[i - 1]!.startsWith("- ") ? "\n" : "\n\n"}${b}`)).join("");
}
