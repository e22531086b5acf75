import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { highlightCode } from "./highlight.ts";

const css = readFileSync(new URL("./highlight.css", import.meta.url), "utf8");

/** `--hl-*` values of the first `:root` block after `from` in the stylesheet. */
function palette(from: number): Record<string, string> {
  const start = css.indexOf(":root", from);
  const block = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...block.matchAll(/--hl-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("highlight.css", () => {
  const palettes = { light: palette(0), dark: palette(css.indexOf("prefers-color-scheme: dark")) };

  for (const [name, colours] of Object.entries(palettes)) {
    it(`meets WCAG AA (4.5:1) for every token colour in the ${name} palette`, () => {
      assert.ok(Object.keys(colours).length >= 12, "palette parsed");
      for (const [token, colour] of Object.entries(colours)) {
        if (token === "bg" || token.endsWith("-bg")) continue;
        const background = token.endsWith("-fg") ? colours[token.replace(/-fg$/, "-bg")]! : colours.bg!;
        const ratio = contrast(colour, background);
        assert.ok(ratio >= 4.5, `--hl-${token} ${colour} on ${background}: ${ratio.toFixed(2)}:1`);
      }
    });
  }

  it("defines the same variables in both palettes, so dark mode misses none", () => {
    assert.deepEqual(Object.keys(palettes.dark).sort(), Object.keys(palettes.light).sort());
  });

  it("colours the classes highlight.js actually writes", () => {
    const out = highlightCode('# commentaire\nserver:\n  name: "chatons"\n  port: 443\n', "yaml");
    for (const cls of out.match(/hljs-[\w_]+/g) ?? []) assert.ok(css.includes(`.${cls}`), `.${cls} has a colour`);
  });
});
