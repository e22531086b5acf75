import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutConsequences, type ContentProblem } from "./problems.ts";

describe("withoutConsequences", () => {
  const original: ContentProblem = { file: "a/index.fr.md", line: 3, field: "repeat", message: "expected week or month" };
  const copy: ContentProblem = { file: "a/index.en.md", line: 3, field: "repeat.every", message: "expected the original's repeat.every", followsFrom: { file: "a/index.fr.md", field: "repeat.every" } };

  it("leaves out a problem whose cause, at that field or around it, is reported", () => {
    assert.deepEqual(withoutConsequences([original, copy]), [original]);
    assert.deepEqual(withoutConsequences([{ ...original, field: "repeat.every.0" }, copy]).length, 1);
  });

  it("keeps it when its cause is not reported, or is at another field or in another file", () => {
    assert.deepEqual(withoutConsequences([copy]), [copy]);
    assert.deepEqual(withoutConsequences([{ ...original, field: "start" }, copy]).length, 2);
    assert.deepEqual(withoutConsequences([{ ...original, field: "repeatable" }, copy]).length, 2);
    assert.deepEqual(withoutConsequences([{ ...original, file: "b/index.fr.md" }, copy]).length, 2);
  });
});
