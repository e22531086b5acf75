import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSvg } from "./svg-check.ts";

test("scripts, event handlers and outside addresses are refused with their line", () => {
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`,
    `  <script>alert(document.domain)</script>`,
    `  <rect width="10" height="10" onclick="steal()"/>`,
    `  <image xlink:href="https://tracker.example/pixel.png"/>`,
    `  <a href="javascript:alert(1)"><text>x</text></a>`,
    `  <style>@import url(https://other.example/x.css);</style>`,
    `  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`,
    `</svg>`,
  ].join("\n");
  const found = checkSvg(svg, "logo.svg").map((p) => [p.line, p.field]);
  assert.deepEqual(found, [
    [2, "<script>"],
    [3, "onclick"],
    [4, "xlink:href"],
    [5, "href"],
    [6, "<style>"],
    [7, "<foreignObject>"],
  ]);
});

test("a plain drawing passes: internal references, relative images, inline raster data", () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill: url(#g)"/><use href="#g"/><image href="photo.png"/><image href="data:image/png;base64,AAAA"/></svg>`;
  assert.deepEqual(checkSvg(svg, "ok.svg"), []);
});

test("entity declarations and broken XML are refused", () => {
  assert.equal(checkSvg(`<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg/>`, "x.svg")[0]?.field, "<!DOCTYPE>");
  assert.match(checkSvg(`<svg><rect></svg>`, "x.svg")[0]!.message, /not a valid SVG/);
});
