import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { markdownToBlocks } from "./example-pdfs.ts";

describe("Markdown to PDF blocks", () => {
  it("keeps headings, paragraphs and list items as plain text", () => {
    const blocks = markdownToBlocks(
      [
        "## Ordre du jour",
        "1. Rapport **moral**.\n2. Rapport [financier](/reports/).",
        "Un paragraphe\nsur deux lignes.",
        "- un point ;\n- un autre.",
      ].join("\n\n"),
    );
    assert.deepEqual(blocks, [
      { kind: "heading", text: "Ordre du jour" },
      { kind: "item", text: "1. Rapport moral." },
      { kind: "item", text: "2. Rapport financier." },
      { kind: "paragraph", text: "Un paragraphe sur deux lignes." },
      { kind: "item", text: "un point ;" },
      { kind: "item", text: "un autre." },
    ]);
  });
});
