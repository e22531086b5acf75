import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import type { HLJSApi } from "highlight.js";
import core from "highlight.js/lib/core";
import { escapeMarkup } from "../core/escape.ts";
import { highlightCode } from "./highlight.ts";
import { LANGUAGES } from "./highlight-languages.ts";

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

// highlight.js's full build, made the way its index does it but in an instance
// of its own: importing "highlight.js" would register every language in the
// one core instance the highlighter shares.
const require = createRequire(import.meta.url);
const fullBuild: HLJSApi = core.newInstance();
for (const [, name] of readFileSync(require.resolve("highlight.js"), "utf8").matchAll(/registerLanguage\('([^']+)'/g)) {
  fullBuild.registerLanguage(name!, require(`highlight.js/lib/languages/${name}`));
}

/** highlight.js's full build's languages, each with the aliases that lead to it. */
function languagesOfFullBuild(): Record<string, string[]> {
  const languages = fullBuild.listLanguages();
  return Object.fromEntries(
    languages.map((language) => {
      const grammar = fullBuild.getLanguage(language)!;
      const aliases = (grammar.aliases ?? []).map((alias) => alias.toLowerCase());
      return [language, [...new Set(aliases)].filter((alias) => !languages.includes(alias) && fullBuild.getLanguage(alias) === grammar)];
    }),
  );
}

/** What the highlighter printed when it loaded highlight.js's full build. */
function withFullBuild(code: string, lang: string): string {
  const language = lang.trim().toLowerCase();
  const known = language !== "" && fullBuild.getLanguage(language) !== undefined;
  const body = known ? fullBuild.highlight(code, { language, ignoreIllegals: true }).value : escapeMarkup(code);
  const codeClass = language ? ` class="${known ? "hljs " : ""}language-${escapeMarkup(language)}"` : "";
  return `<pre class="code-block" tabindex="0"><code${codeClass}>${body}</code></pre>`;
}

describe("highlightCode, loading languages as pages name them", () => {
  it("registers a language when a block names it, with the languages its grammar embeds", () => {
    assert.ok(!core.listLanguages().includes("python"), "no language is loaded before a block names it");
    highlightCode("<style>a { color: red }</style>", "HTML");
    const loaded = core.listLanguages();
    for (const language of ["xml", "css", "javascript"]) assert.ok(loaded.includes(language), `${language} is loaded for HTML`);
    assert.ok(!loaded.includes("python"));
  });

  it("knows every language and alias of highlight.js's full build", () => {
    const expected = languagesOfFullBuild();
    if (process.env.UPDATE_HIGHLIGHT_LANGUAGES) {
      const lines = Object.entries(expected).map(([language, aliases]) => `  ${JSON.stringify(language)}: ${JSON.stringify(aliases).replace(/,/g, ", ")},`);
      const header = readFileSync(new URL("./highlight-languages.ts", import.meta.url), "utf8").split("export const")[0];
      writeFileSync(new URL("./highlight-languages.ts", import.meta.url), `${header}export const LANGUAGES: Readonly<Record<string, readonly string[]>> = {\n${lines.join("\n")}\n};\n`);
      return;
    }
    assert.deepEqual(
      LANGUAGES,
      expected,
      "highlight.js's languages changed: UPDATE_HIGHLIGHT_LANGUAGES=1 npm test -- --no-build plugins/markdown/highlight.test.ts rewrites highlight-languages.ts",
    );
  });

  it("prints every language and alias as the full build did, embedded languages included", () => {
    const sample = [
      "<!-- note --> <p class=\"x\">Bonjour &amp; <b>toi</b></p>",
      "<style>a { color: red; margin: 0 1em }</style>",
      "<script>const x = `a${1}` + 'b'; // fin</script>",
      "<?php echo $x; ?> {{ name | upper }} {% if a %}",
      "# commentaire",
      "def f(x): return x * 2",
      "SELECT * FROM t WHERE a = 'b';",
      "server:\n  name: \"chatons\"\n  port: 443",
      "$ sudo systemctl restart nginx",
    ].join("\n");
    const names = Object.entries(LANGUAGES).flatMap(([language, aliases]) => [language, ...aliases]);
    assert.ok(names.length > 300, "the table lists the languages and their aliases");
    for (const name of [...names, "YAML", " yml ", "", "inconnu"]) {
      assert.equal(highlightCode(sample, name), withFullBuild(sample, name), `language "${name}"`);
    }
  });
});
