import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentHash, HASH_LENGTH, recordedHash, stateOf, withTranslationOf } from "./status.ts";

const ORIGINAL = "---\ntitle: Assemblée générale\ndate: 2025-02-15\ntags: [association]\n---\n\nQuarante membres.\n";

describe("contentHash", () => {
  it("is a short hex string that changes with the wording", () => {
    const hash = contentHash(ORIGINAL);
    assert.match(hash, new RegExp(`^[0-9a-f]{${HASH_LENGTH}}$`));
    assert.notEqual(contentHash(ORIGINAL.replace("Quarante", "Cinquante")), hash);
  });

  it("changes with a shared field such as the date or the title", () => {
    assert.notEqual(contentHash(ORIGINAL.replace("2025-02-15", "2025-02-22")), contentHash(ORIGINAL));
    assert.notEqual(contentHash(ORIGINAL.replace("Assemblée", "Réunion")), contentHash(ORIGINAL));
  });

  it("ignores line endings, field order, YAML layout and trailing blank lines", () => {
    const hash = contentHash(ORIGINAL);
    assert.equal(contentHash(ORIGINAL.replace(/\n/g, "\r\n")), hash);
    assert.equal(contentHash(`\uFEFF${ORIGINAL}`), hash);
    assert.equal(contentHash("---\ntags:\n  - association\ndate: 2025-02-15\ntitle: 'Assemblée générale'\n---\n\nQuarante membres.\n\n\n"), hash);
  });

  it("ignores fields that belong to one language's file", () => {
    const withExtras = ORIGINAL.replace("tags:", 'translators: Sam\nslug: ag\naliases: [/ag/]\ndraft: false\ntranslationOf: "abcdef012345"\ntags:');
    assert.equal(contentHash(withExtras), contentHash(ORIGINAL));
  });
});

describe("stateOf", () => {
  const hash = contentHash(ORIGINAL);
  it("tells missing, untracked, up to date and stale apart", () => {
    assert.equal(stateOf(undefined, hash), "missing");
    assert.equal(stateOf("---\ntitle: General assembly\n---\nForty members.\n", hash), "untracked");
    assert.equal(stateOf(`---\ntitle: General assembly\ntranslationOf: "${hash}"\n---\n`, hash), "up-to-date");
    assert.equal(stateOf(`---\ntitle: General assembly\ntranslationOf: "0123456789ab"\n---\n`, hash), "stale");
  });

  it("accepts a longer or shorter hash written by hand when both agree", () => {
    assert.equal(stateOf(`---\ntranslationOf: "${hash.slice(0, 8)}"\n---\n`, hash), "up-to-date");
    assert.equal(stateOf(`---\ntranslationOf: "${hash.slice(0, 5)}"\n---\n`, hash), "stale");
  });
});

describe("withTranslationOf", () => {
  it("adds the field at the end of the front matter and leaves every other byte alone", () => {
    const source = "---\ntitle: General assembly\n# a comment\ntags: [a]\n---\n\nForty members.\n";
    const marked = withTranslationOf(source, "00112233aabb");
    assert.equal(marked, "---\ntitle: General assembly\n# a comment\ntags: [a]\ntranslationOf: \"00112233aabb\"\n---\n\nForty members.\n");
    assert.equal(recordedHash(marked), "00112233aabb");
  });

  it("rewrites an existing value in place, keeping CRLF line endings", () => {
    const source = "---\r\ntitle: X\r\ntranslationOf: 1234abcd\r\nsummary: Y\r\n---\r\nBody\r\n";
    assert.equal(withTranslationOf(source, "ffffeeeedddd"), "---\r\ntitle: X\r\ntranslationOf: \"ffffeeeedddd\"\r\nsummary: Y\r\n---\r\nBody\r\n");
  });

  it("appends after the last field of a CRLF file with a byte-order mark, and reads it back", () => {
    const source = "\uFEFF---\r\ntitle: X\r\n---\r\nBody\r\n";
    const marked = withTranslationOf(source, "ffffeeeedddd");
    assert.equal(marked, "\uFEFF---\r\ntitle: X\r\ntranslationOf: \"ffffeeeedddd\"\r\n---\r\nBody\r\n");
    assert.equal(recordedHash(marked), "ffffeeeedddd");
  });

  it("quotes the hash so that one made of digits stays a string", () => {
    assert.equal(recordedHash(withTranslationOf("---\ntitle: X\n---\n", "000000001234")), "000000001234");
  });

  it("refuses a file without front matter", () => {
    assert.throws(() => withTranslationOf("Just text\n", "00112233aabb"), /no front matter/);
  });
});
