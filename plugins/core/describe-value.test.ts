import assert from "node:assert/strict";
import { test } from "node:test";
import { describeValue } from "./describe-value.ts";

test("a short list of plain values reads as written; a long or nested one by its length", () => {
  assert.equal(describeValue([47.2126, -1.5614]), "[47.2126, -1.5614]");
  assert.equal(describeValue(["2027-05-01", "2027-05-08"]), "[2027-05-01, 2027-05-08]");
  assert.equal(describeValue(["a, b", "c"]), '["a, b", c]');
  assert.equal(describeValue([1, 2, 3, 4, 5, 6, 7]), "a list of 7");
  assert.equal(describeValue([{ name: "x" }]), "a list of 1");
  assert.equal(describeValue("texte"), '"texte"');
});
