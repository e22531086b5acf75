import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SITE_STRINGS } from "../../test/helpers/strings.ts";
import { FINANCE_TEXTS, financeLabels } from "./labels.ts";

describe("finance words", () => {
  it("are read from the site's UI strings in each language", () => {
    assert.equal(financeLabels(SITE_STRINGS, "fr").income, "Produits");
    assert.equal(financeLabels(SITE_STRINGS, "en").income, "Income");
  });

  it("name the file, the key and the placeholder a translation got wrong", () => {
    const broken = structuredClone(SITE_STRINGS);
    const finance = (broken.en!.reports as { finance: Record<string, string> }).finance;
    finance.resultSentence = "Result for {{exercice}}: {{outcome}}.";
    delete (finance as Partial<Record<string, string>>).chartTitle;
    finance.chartTitel = "typo";
    const { texts, problems } = FINANCE_TEXTS.read(broken, "en", "data/i18n/en.json");
    assert.equal(texts, undefined);
    assert.deepEqual(
      problems.map((p) => `${p.file} · ${p.field} · ${p.message}`),
      [
        "data/i18n/en.json · reports.finance.resultSentence · expected the placeholders {{exercice}}, {{outcome}}, {{amount}}, found {{exercice}}, {{outcome}}",
        "data/i18n/en.json · reports.finance.chartTitle · expected a text, found nothing",
        "data/i18n/en.json · reports.finance · unknown key chartTitel (the keys are: " + Object.keys(FINANCE_TEXTS.spec).join(", ") + ")",
      ],
    );
    assert.throws(() => financeLabels(broken, "en"), /the finance words of "en" cannot be used: reports\.finance\.resultSentence · expected the placeholders/);
  });
});
