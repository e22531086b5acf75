/**
 * Links to another host than the site's get `rel="noopener noreferrer"`: the
 * other site learns nothing of which page the visitor came from (the
 * association's privacy promise) and cannot script our tab. No `target`:
 * visitors decide themselves where a link opens.
 */
import type MarkdownIt from "markdown-it";

/** True for http(s) and protocol-relative URLs whose host differs from the site's. */
export function isExternal(href: string, siteHost: string): boolean {
  if (!/^(https?:)?\/\//i.test(href)) return false;
  try {
    return new URL(href, "https://placeholder.invalid").host.toLowerCase() !== siteHost;
  } catch {
    return false; // Not a URL a browser would follow anyway.
  }
}

export function externalLinksPlugin(md: MarkdownIt, opts: { siteUrl: string }): void {
  const siteHost = new URL(opts.siteUrl).host.toLowerCase();
  const previous = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet("href") ?? "";
    if (isExternal(href, siteHost)) {
      const rel = new Set((token.attrGet("rel") ?? "").split(/\s+/).filter(Boolean));
      rel.add("noopener").add("noreferrer");
      token.attrSet("rel", [...rel].join(" "));
    }
    return previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}
