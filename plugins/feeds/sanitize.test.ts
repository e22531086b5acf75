import assert from "node:assert/strict";
import { test } from "node:test";
import { xmlSafe } from "./sanitize.ts";

test("control characters that XML forbids are removed, tab and newlines stay", () => {
  assert.equal(xmlSafe("a\u0000b\u0007c\u000Bd\u001Fe"), "abcde");
  assert.equal(xmlSafe("line\tone\nline two\r\n"), "line\tone\nline two\r\n");
});

test("DEL, C1 controls, noncharacters and lone surrogates are removed; real emoji stay", () => {
  assert.equal(xmlSafe("a\u007Fb\u0085c\u009Fd\uFFFEe\uFDD0f"), "abcdef");
  assert.equal(xmlSafe("x\uD800y\uDC00z"), "xyz");
  assert.equal(xmlSafe("chat 🐈 libre"), "chat 🐈 libre");
});

test("accents, typographic quotes and non-breaking spaces are untouched", () => {
  const text = "L’assemblée « générale »\u00A0: été";
  assert.equal(xmlSafe(text), text);
});
