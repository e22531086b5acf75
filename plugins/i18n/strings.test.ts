import assert from "node:assert/strict";
import { test } from "node:test";
import { keyParityProblems, translator } from "./strings.ts";

test("a key missing in one language is named with its file", () => {
  const problems = keyParityProblems(
    { fr: { nav: { home: "Accueil", blog: "Actualités" } }, en: { nav: { home: "Home" } } },
    (lang) => `data/i18n/${lang}.json`,
  );
  assert.deepEqual(problems, [{ file: "data/i18n/en.json", field: "nav.blog", message: "UI string missing (present in fr)" }]);
});

test("translations interpolate and pluralise per language", () => {
  const resources = {
    fr: { minutes_one: "{{count}} minute", minutes_other: "{{count}} minutes" },
    en: { minutes_one: "{{count}} minute", minutes_other: "{{count}} minutes" },
  };
  assert.equal(translator(resources, "fr")("minutes", { count: 0 }), "0 minute");
  assert.equal(translator(resources, "en")("minutes", { count: 0 }), "0 minutes");
  assert.equal(translator(resources, "en")("minutes", { count: 3 }), "3 minutes");
});

test("a key used by a layout but absent from the files fails loudly", () => {
  const t = translator({ fr: { a: "x" }, en: { a: "y" } }, "en");
  assert.throws(() => t("nope"), /UI string "nope" is missing in data\/i18n\/en\.json/);
});
