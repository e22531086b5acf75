import assert from "node:assert/strict";
import { test } from "node:test";
import path from "node:path";
import i18next from "i18next";
import { flattenKeys, keyParityProblems, loadResources, translator } from "./strings.ts";

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

test("every UI string of the site reads the same through the kept shapes as through i18next", () => {
  const { resources } = loadResources(path.resolve(import.meta.dirname, "../../data/i18n"), ["fr", "en"]);
  for (const lang of ["fr", "en"]) {
    const raw = i18next.createInstance();
    void raw.init({ lng: lang, resources: { fr: { translation: resources.fr! }, en: { translation: resources.en! } }, initAsync: false, interpolation: { escapeValue: false } });
    const t = translator(resources, lang);
    let checked = 0;
    for (const key of flattenKeys(resources[lang]!)) {
      const names = [...String(raw.t(key, { returnObjects: false })).matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]!);
      if (names.length === 0 || /_(one|other|zero|many)$/.test(key)) continue;
      // Twice each: the first call makes the shape, the second fills it.
      for (const value of ["Alpha & <b>", "12"]) {
        const values = Object.fromEntries(names.map((name, i) => [name, `${value} ${i}`]));
        assert.equal(t(key, values), raw.t(key, values), `${lang} ${key}`);
      }
      checked++;
    }
    assert.ok(checked > 20, `${lang}: ${checked} strings with values`);
  }
  const t = translator({ fr: { page: "Page {{n}} sur {{total}}, {{n}}" }, en: { page: "x" } }, "fr");
  assert.equal(t("page", { n: 2, total: 9 }), "Page 2 sur 9, 2");
  assert.equal(t("page", { n: 3, total: 9 }), "Page 3 sur 9, 3");
  assert.equal(t("page", { total: 4, n: true }), "Page true sur 4, true");
});
