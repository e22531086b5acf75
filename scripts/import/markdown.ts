/**
 * An entry's HTML as the kit's Markdown: turndown (with the GFM tables
 * plugin) plus one rule per block the kit has — figures with captions,
 * callouts, FAQ definition lists, donate calls, footnotes, fenced code with
 * its language, PeerTube embeds. Links and images arrive already resolved
 * (see prepare.ts). Whatever cannot be written faithfully is named in `notes`.
 */
import TurndownService from "turndown";
import { tables, strikethrough } from "turndown-plugin-gfm";

export interface MarkdownOptions {
  /** Added to every heading level, so the entry's own headings start at ##; none then skips a level. */
  headingShift: number;
  /** Hosts whose embeds are PeerTube players (any /videos/embed/ path is accepted too). */
  peertube?: (src: string) => string | undefined;
  /** Whether an address is on another site than the old one (a donation platform's form). */
  isExternal?: (href: string) => boolean;
  /** Collects what was not converted faithfully. */
  notes: string[];
}

type El = HTMLElement;

const CALLOUT = /\b(?:admonition|callout|alert|notice|note|info|tip|hint|warning|caution|danger|attention|important)\b/i;
const DONATE = /\b(?:donate|donation|don|dons|soutien|support-us)\b/i;

/** note, tip or warning, from the classes an engine gives its callouts. */
export function calloutKind(className: string): "note" | "tip" | "warning" | undefined {
  if (!CALLOUT.test(className)) return undefined;
  if (/\b(?:warning|caution|danger|attention|important)\b/i.test(className)) return "warning";
  if (/\b(?:tip|hint)\b/i.test(className)) return "tip";
  return "note";
}

const isFootnoteRef = (node: El) =>
  node.nodeName === "SUP" && Boolean(node.querySelector('a[href^="#fn"], a.footnote-ref, a[href^="#footnote"]') || /footnote-ref/.test(node.className));
const isFootnoteList = (node: El) =>
  (/\bfootnotes\b/.test(node.className) && ["DIV", "SECTION", "OL", "ASIDE"].includes(node.nodeName)) || /\bfootnote-definition\b/.test(node.className);

/** "fn:1", "fn1", "footnote-2", "1" → the label after the prefix. */
const footnoteLabel = (id: string) => {
  const bare = id.replace(/^#/, "");
  return bare.replace(/^(?:fnref|fn|footnote|note)[-:_]?/i, "") || bare;
};

export function htmlToMarkdown(html: string, options: MarkdownOptions): string {
  const td = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*", hr: "---" });
  td.use([tables, strikethrough]);
  const inner = (node: El) => td.turndown(node.innerHTML).trim();
  const { notes } = options;

  td.remove(["script", "style", "noscript"]);

  // The level of the heading before, the page's title (#) at first: turndown meets them in document order.
  let previous = 1;
  td.addRule("headings", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content, node) => {
      const shifted = Math.min(6, Math.max(2, Number(node.nodeName[1]) + options.headingShift));
      // Never a level down more than one (h2 then h4 becomes ## then ###): the build
      // refuses a skipped level, which screen readers read as a missing section.
      const level = Math.min(shifted, previous + 1);
      previous = level;
      return `\n\n${"#".repeat(level)} ${content.trim()}\n\n`;
    },
  });

  td.addRule("footnoteRef", {
    filter: (node) => isFootnoteRef(node),
    replacement: (_content, node) => {
      const a = (node as El).querySelector("a");
      return `[^${footnoteLabel(a?.getAttribute("href") ?? a?.textContent ?? "")}]`;
    },
  });

  td.addRule("footnotes", {
    filter: (node) => isFootnoteList(node),
    replacement: (_content, node) => {
      const el = node as El;
      for (const back of Array.from(el.querySelectorAll('a.footnote-backref, a[href^="#fnref"], a.reversefootnote'))) back.remove();
      if (/\bfootnote-definition\b/.test(el.className)) {
        const label = el.querySelector(".footnote-definition-label");
        const id = el.getAttribute("id") ?? label?.textContent ?? "";
        label?.remove();
        return `\n\n[^${footnoteLabel(id)}]: ${inner(el)}\n\n`;
      }
      const items = Array.from(el.querySelectorAll("li"));
      return `\n\n${items.map((li, i) => `[^${footnoteLabel(li.getAttribute("id") ?? String(i + 1))}]: ${inner(li).replace(/\n\n/g, "\n\n    ")}`).join("\n\n")}\n\n`;
    },
  });

  td.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && Boolean(node.querySelector("img")),
    replacement: (_content, node) => {
      const el = node as El;
      const img = el.querySelector("img")!;
      const figcaption = el.querySelector("figcaption");
      const caption = figcaption ? td.turndown(figcaption.innerHTML).replace(/\s+/g, " ").trim() : "";
      const alt = img.getAttribute("alt") ?? "";
      const src = img.getAttribute("src") ?? "";
      const title = caption ? ` "${caption.replace(/"/g, '\\"')}"` : "";
      return `\n\n![${td.escape(alt)}](${src.replace(/([ ()<>])/g, (c) => encodeURIComponent(c))}${title})\n\n`;
    },
  });

  td.addRule("callout", {
    filter: (node) => ["DIV", "ASIDE", "BLOCKQUOTE"].includes(node.nodeName) && calloutKind(node.className) !== undefined && !DONATE.test(node.className),
    replacement: (_content, node) => {
      const el = node as El;
      const kind = calloutKind(el.className)!;
      const titleEl = el.querySelector(".admonition-title, .callout-title, .alert-title, .notice-title");
      const title = titleEl ? td.turndown(titleEl.innerHTML).replace(/\s+/g, " ").trim() : "";
      titleEl?.remove();
      return `\n\n::: ${kind}${title ? ` ${title}` : ""}\n${inner(el)}\n:::\n\n`;
    },
  });

  td.addRule("donate", {
    filter: (node) => ["DIV", "ASIDE", "SECTION", "P"].includes(node.nodeName) && DONATE.test(node.className),
    replacement: (_content, node) => {
      const el = node as El;
      const links = Array.from(el.querySelectorAll("a"));
      const button = links.at(-1);
      const label = button ? (button.textContent ?? "").replace(/\s+/g, " ").trim() : "";
      const href = button?.getAttribute("href") ?? "";
      // A campaign on a donation platform keeps its form; the old site's own page gives way to the new site's.
      const external = Boolean(href && options.isExternal?.(href));
      if (button) {
        if (!external) notes.push(`donate button (to ${href}) now leads to the site's own donate page`);
        // The paragraph holding only the button goes with it.
        const holder = button.parentElement;
        if (holder && holder !== el && (holder.textContent ?? "").trim() === (button.textContent ?? "").trim()) holder.remove();
        else button.remove();
      }
      const text = inner(el);
      const params = external ? ` ${href}${label ? ` "${label.replace(/"/g, "'")}"` : ""}` : label ? ` ${label}` : "";
      return `\n\n::: donate${params}\n${text}\n:::\n\n`;
    },
  });

  td.addRule("faq", {
    filter: "dl",
    replacement: (_content, node) => {
      const el = node as El;
      const blocks: string[] = [];
      let question: string | undefined;
      let answers: string[] = [];
      const flush = () => {
        if (question !== undefined) blocks.push(`::: details ${question}\n${answers.join("\n\n")}\n:::`);
        answers = [];
      };
      for (const child of Array.from(el.children)) {
        if (child.nodeName === "DT") {
          flush();
          question = td.turndown(child.innerHTML).replace(/\s+/g, " ").trim();
        } else if (child.nodeName === "DD") {
          answers.push(inner(child as El));
        }
      }
      flush();
      if (/\bfaq\b/i.test(el.className) || (blocks.length > 0 && blocks.every((b) => /^::: details .*\?\n/.test(b)))) {
        return `\n\n${blocks.join("\n\n")}\n\n`;
      }
      // Not questions: a plain definition list (Pandoc syntax, which the kit renders as <dl>).
      const items = Array.from(el.children).map((child) => {
        const text = inner(child as El);
        return child.nodeName === "DT" ? `\n${text.replace(/\s+/g, " ")}` : `:   ${text.replace(/\n/g, "\n    ")}`;
      });
      return `\n\n${items.join("\n").trim()}\n\n`;
    },
  });

  td.addRule("embed", {
    filter: ["iframe", "video", "embed", "object"],
    replacement: (_content, node) => {
      const el = node as El;
      const src = el.getAttribute("src") ?? el.getAttribute("data") ?? el.querySelector("source")?.getAttribute("src") ?? "";
      const title = (el.getAttribute("title") ?? "").replace(/"/g, "'").trim();
      const watch = options.peertube?.(src);
      if (watch) return `\n\n::: peertube ${watch}${title ? ` "${title}"` : ""}\n\n`;
      notes.push(`embedded ${el.nodeName.toLowerCase()} ${src || "(no address)"} written as a link: the site loads nothing from other hosts`);
      return src ? `\n\n[${td.escape(title || src)}](${src})\n\n` : "";
    },
  });

  td.addRule("dataLangCode", {
    filter: (node) => node.nodeName === "PRE" && !(node.firstChild?.nodeName === "CODE" && /language-/.test((node.firstChild as El).className)) && Boolean(node.getAttribute("data-lang")),
    replacement: (_content, node) => `\n\n\`\`\`${node.getAttribute("data-lang")}\n${(node.textContent ?? "").replace(/\n$/, "")}\n\`\`\`\n\n`,
  });

  td.addRule("keptTable", {
    filter: (node) => node.nodeName === "TABLE" && !node.querySelector("th"),
    replacement: (_content, node) => {
      notes.push("table without a header row kept as HTML");
      return `\n\n${(node as El).outerHTML}\n\n`;
    },
  });

  return td.turndown(html).normalize("NFC").replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * `<!-- more -->` after the first paragraph (the excerpt lists show), when the
 * old site gave a summary of its own: its lists showed a short text too.
 */
export function withExcerptMarker(markdown: string): string {
  const blocks = markdown.split(/\n{2,}/);
  const first = blocks.findIndex((b) => !/^(#|:::|!\[|\||```|- |\d+\. |>|\[\^)/.test(b));
  if (first < 0 || first === blocks.length - 1) return markdown;
  return [...blocks.slice(0, first + 1), "<!-- more -->", ...blocks.slice(first + 1)].join("\n\n");
}
