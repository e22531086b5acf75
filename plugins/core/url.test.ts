import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encodedFragment } from "./url.ts";

describe("encodedFragment", () => {
  it("writes a # inside the fragment as %23, as the URL standard asks", () => {
    assert.equal(encodedFragment("https://matrix.to/#/#entraide:chatons.example"), "https://matrix.to/#/%23entraide:chatons.example");
    assert.equal(new URL(encodedFragment("https://matrix.to/#/#a:b")).hash, "#/%23a:b");
  });

  it("leaves addresses with one # or none as written", () => {
    for (const url of ["https://matrix.to/#/%23entraide:chatons.example", "/docs/#installer", "https://example.org/a%20b", "mailto:x@example.org"]) {
      assert.equal(encodedFragment(url), url);
    }
  });
});
