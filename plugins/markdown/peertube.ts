/**
 * PeerTube videos without a request to the video's server until the visitor
 * asks for it. One line, no closing `:::` needed:
 *
 *   ::: peertube https://video.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d "Our 2025 general assembly"
 *
 * renders a card: a link to the video (title + "Watch on PeerTube") and a note
 * naming the host. No iframe, no thumbnail, nothing fetched from the other host.
 * peertube.js (optional, served by the layout) adds a "play here" button that
 * swaps the card for the player: the embed URL and the button's words ride in
 * data- attributes so the script needs no strings of its own.
 */
import type MarkdownIt from "markdown-it";
import type { StateBlock } from "markdown-it";
import { contentError, langOf } from "./env.ts";
import { fill, type StringsTable } from "./strings.ts";

const LINE = /^:::[ \t]*peertube(?:[ \t]+(\S+))?(?:[ \t]+(?:"([^"]*)"|'([^']*)'|(.*?)))?[ \t]*$/;

export interface PeerTubeVideo {
  /** Page of the video on its instance, where the link leads. */
  watchUrl: string;
  /** Player URL, loaded only after a click. */
  embedUrl: string;
  host: string;
}

/**
 * Understands the addresses PeerTube shows in its share dialog: `/w/<id>`,
 * `/w/p/<id>` (playlist), `/videos/watch/<id>`, `/videos/watch/playlist/<id>`,
 * `/videos/embed/<id>`. A `start`/`stop` time carries over to the player.
 */
export function parsePeerTubeUrl(address: string): PeerTubeVideo | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:") return undefined;
  const path = url.pathname.replace(/\/+$/, "");
  const id = "([A-Za-z0-9-]+)";
  const playlist = new RegExp(`^/(?:w/p|videos/watch/playlist|video-playlists/embed)/${id}$`).exec(path);
  const video = new RegExp(`^/(?:w|videos/watch|videos/embed)/${id}$`).exec(path);
  const embedPath = playlist ? `/video-playlists/embed/${playlist[1]}` : video ? `/videos/embed/${video[1]}` : undefined;
  if (!embedPath) return undefined;
  const params = new URLSearchParams({ autoplay: "1" }); // The visitor already clicked "play".
  for (const key of ["start", "stop"]) {
    const value = url.searchParams.get(key);
    if (value) params.set(key, value);
  }
  return { watchUrl: url.href, embedUrl: `${url.origin}${embedPath}?${params}`, host: url.host };
}

export function peertubePlugin(md: MarkdownIt, opts: { defaultLanguage: string; hosts: string[]; strings: StringsTable }): void {
  md.block.ruler.before(
    "fence",
    "peertube",
    (state: StateBlock, startLine: number, _endLine: number, silent: boolean) => {
      if (state.sCount[startLine]! - state.blkIndent >= 4) return false; // Indented: code, not a block.
      const line = lineText(state, startLine);
      const match = LINE.exec(line);
      if (!match) return false;
      if (silent) return true;
      const address = match[1] ?? "";
      const title = (match[2] ?? match[3] ?? match[4] ?? "").trim();
      const video = parsePeerTubeUrl(address);
      if (!video) {
        throw contentError(state.env, `"${line.trim()}" needs the https address of a PeerTube video, e.g. ::: peertube https://video.example.org/w/abc123 "Title"`, "peertube");
      }
      if (opts.hosts.length > 0 && !opts.hosts.includes(video.host.toLowerCase())) {
        throw contentError(state.env, `the video host ${video.host} is not among the allowed PeerTube hosts (${opts.hosts.join(", ")}): add it to peertubeHosts and to the CSP's frame-src`, "peertube");
      }
      const token = state.push("peertube", "div", 0);
      token.block = true;
      token.map = [startLine, startLine + 1];
      token.meta = { video, title };
      state.line = startLine + 1;
      // Writers used to the other ::: blocks may close this one too: swallow that line.
      if (state.line < state.lineMax && lineText(state, state.line).trim() === ":::") state.line += 1;
      return true;
    },
    { alt: ["paragraph"] },
  );

  md.renderer.rules.peertube = (tokens, idx, _options, env) => {
    const { video, title } = tokens[idx]!.meta as { video: PeerTubeVideo; title: string };
    const strings = opts.strings(langOf(env, opts.defaultLanguage));
    const e = md.utils.escapeHtml;
    const name = title || fill(strings.peertubeUntitled, { host: video.host });
    return [
      `<div class="peertube" data-peertube-embed="${e(video.embedUrl)}" data-peertube-title="${e(name)}" data-peertube-play="${e(strings.peertubePlay)}">`,
      `<a class="peertube-link" href="${e(video.watchUrl)}" rel="noopener noreferrer"><span class="peertube-title">${e(name)}</span> <span class="peertube-action">${e(strings.peertubeWatch)}</span></a>`,
      `<p class="peertube-note">${e(fill(strings.peertubeNote, { host: video.host }))}</p>`,
      `</div>\n`,
    ].join("\n");
  };
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}
