import assert from "node:assert/strict";
import { test } from "node:test";
import { pageWindow } from "./Pager.tsx";

const shown = (count: number, current: number) => pageWindow(count, current).map((i) => (i === undefined ? "…" : i + 1)).join(" ");

test("a short list links every page", () => {
  assert.equal(shown(1, 0), "1");
  assert.equal(shown(3, 1), "1 2 3");
  assert.equal(shown(7, 3), "1 2 3 4 5 6 7");
});

test("a long list links the first, the last and two pages around the current one", () => {
  assert.equal(shown(800, 0), "1 2 3 … 800");
  assert.equal(shown(800, 399), "1 … 398 399 400 401 402 … 800");
  assert.equal(shown(800, 799), "1 … 798 799 800");
});

test("one skipped page is linked instead of an ellipsis", () => {
  assert.equal(shown(800, 4), "1 2 3 4 5 6 7 … 800");
  assert.equal(shown(9, 4), "1 2 3 4 5 6 7 8 9");
});
