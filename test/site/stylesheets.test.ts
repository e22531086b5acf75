/**
 * The stylesheets a build publishes: the layouts' and the plugins' CSS,
 * minified (plugins/core/stylesheets.ts), rule for rule what the repository holds.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { minifiedCss } from "../../plugins/core/stylesheets.ts";
import { MARKDOWN_ASSETS } from "../../plugins/markdown/index.ts";
import { siteUnderTest } from "../quality/pages.ts";

test("the build publishes every stylesheet minified, with the rules of its source", async () => {
  const site = await siteUnderTest();
  const published = site.files.filter((file) => file.startsWith("assets/") && file.endsWith(".css"));
  const sources: Record<string, string> = {
    "assets/site.css": path.join(PROJECT_ROOT, "layouts/assets/site.css"),
    "assets/theme.css": path.join(PROJECT_ROOT, "layouts/assets/theme.css"),
    "assets/markdown.css": MARKDOWN_ASSETS.css,
    "assets/events.css": path.join(PROJECT_ROOT, "plugins/events/events.css"),
  };
  for (const [file, source] of Object.entries(sources)) {
    const text = readFileSync(source, "utf8");
    const code = await minifiedCss(text);
    assert.equal(site.read(file), code, `${file} is ${path.relative(PROJECT_ROOT, source)} minified`);
    assert.ok(code.length < text.length * 0.8, `${file}: ${code.length} bytes published for ${text.length} in the repository`);
  }
  assert.ok(published.length > Object.keys(sources).length, published.join(", "));
  for (const file of published) {
    const css = site.read(file);
    assert.doesNotMatch(css, /\/\*/, `${file} keeps no comment`);
    assert.ok(css.split("\n").length <= 2, `${file} is not laid out over lines`);
  }
});
