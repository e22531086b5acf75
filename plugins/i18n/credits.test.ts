import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../core/project.ts";
import { creditLines } from "./credits.ts";
import { loadResources, translator } from "./strings.ts";

const { resources } = loadResources(path.join(PROJECT_ROOT, "data", "i18n"), ["fr", "en"], PROJECT_ROOT);
const flat = (lines: ReturnType<typeof creditLines>) => lines.map((l) => l.map((s) => (s.href ? `[${s.text}](${s.href})` : s.text)).join(""));
const PAGE = {
  translators: ["Claire Moreau"],
  revisers: ["Samir Haddad", "Jo Martin"],
  credits: [{ author: "Léa Fontaine", licence: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" }, { work: "Photo", author: "Jo Martin", url: "https://example.org/photo" }],
  source: { title: "Framablog", url: "https://framablog.org/" },
};

test("credits read in the page's language, names listed as that language lists them", () => {
  assert.deepEqual(flat(creditLines(PAGE, translator(resources, "en"), { locale: "en-GB" })), [
    "Translation: Claire Moreau",
    "Proofreading: Samir Haddad and Jo Martin",
    "Illustration: Léa Fontaine, [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)",
    "Photo: [Jo Martin](https://example.org/photo)",
    "First published in [Framablog](https://framablog.org/)",
  ]);
  assert.deepEqual(flat(creditLines(PAGE, translator(resources, "fr"), { locale: "fr-FR", withTranslators: false }))[0], "Relecture\u00a0: Samir Haddad et Jo Martin");
});

test("a work named in another language than the page's is marked with it; nothing to credit gives no line", () => {
  const lines = creditLines({ credits: [{ work: "Cover drawing", author: "Léa" }] }, translator(resources, "fr"), { locale: "fr-FR", textLang: "en" });
  assert.deepEqual(lines[0]![0], { text: "Cover drawing", lang: "en" });
  assert.deepEqual(creditLines({}, translator(resources, "fr"), { locale: "fr-FR" }), []);
});
