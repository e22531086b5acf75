import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../core/project.ts";
import { scanContent } from "../i18n/content-files.ts";
import { tagCollisionProblems, tagUses, tagVariantNotes } from "./tag-check.ts";

const uses = (fixture: string) => tagUses(scanContent(path.join(PROJECT_ROOT, "test/fixtures", fixture, "content"), ["fr", "en"]).files, PROJECT_ROOT);

test("spellings of one tag are listed with the name the site shows, file and line", () => {
  const base = "test/fixtures/tags-per-language/content/blog/2025";
  assert.deepEqual(tagVariantNotes(uses("tags-per-language")), [
    `  ${base}/cooperatives/index.fr.md:4 · tags · "Économie sociale" is shown as "économie sociale" (the spelling most posts use; on a tie, the one with fewer capitals): write it that way`,
    `  ${base}/cooperatives/index.fr.md:4 · tags · "ÉCONOMIE SOCIALE" is shown as "économie sociale" (the spelling most posts use; on a tie, the one with fewer capitals): write it that way`,
    `  ${base}/monnaie-locale/index.fr.md:4 · tags · " économie  sociale " is shown as "économie sociale" (the spelling most posts use; on a tie, the one with fewer capitals): write it that way`,
  ]);
  assert.deepEqual(tagCollisionProblems(uses("tags-per-language")), []);
});

test("a block list gives each tag its own line", () => {
  const csharp = uses("writer-mistakes").find((u) => u.tag === "C#");
  assert.deepEqual(csharp, { tag: "C#", file: "test/fixtures/writer-mistakes/content/blog/2025/csharp/index.fr.md", line: 6 });
});
