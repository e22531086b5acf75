import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatSizeValue, sizeParts } from "./file-size.ts";

describe("file sizes", () => {
  it("counts small files in bytes, then whole kilobytes, then megabytes to one decimal", () => {
    assert.deepEqual(sizeParts(999), { unit: "bytes", value: 999 });
    assert.deepEqual(sizeParts(1000), { unit: "kB", value: 1 });
    assert.deepEqual(sizeParts(120_499), { unit: "kB", value: 120 });
    assert.deepEqual(sizeParts(120_500), { unit: "kB", value: 121 });
    assert.deepEqual(sizeParts(2_449_000), { unit: "MB", value: 2.4 });
  });

  it("says 1 MB rather than 1000 kB when rounding reaches it", () => {
    assert.deepEqual(sizeParts(999_600), { unit: "MB", value: 1 });
  });

  it("rounds to the decimals asked for each unit, up to terabytes", () => {
    const oneDecimal = { kB: 1, MB: 1, GB: 1, TB: 1 };
    assert.deepEqual(sizeParts(1500, oneDecimal), { unit: "kB", value: 1.5 });
    assert.deepEqual(sizeParts(999_960, oneDecimal), { unit: "MB", value: 1 });
    assert.deepEqual(sizeParts(3_210_000_000), { unit: "GB", value: 3.2 });
  });

  it("writes the number the way each language does", () => {
    const parts = sizeParts(2_449_000);
    assert.equal(formatSizeValue(parts, "fr-FR"), "2,4");
    assert.equal(formatSizeValue(parts, "en-GB"), "2.4");
    // Intl's narrow no-break space groups thousands in French.
    assert.equal(formatSizeValue({ unit: "bytes", value: 1234 }, "fr-FR"), "1\u202f234");
  });

  it("refuses what is not a size", () => {
    assert.throws(() => sizeParts(-1), RangeError);
    assert.throws(() => sizeParts(Number.NaN), RangeError);
  });
});
