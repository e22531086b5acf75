import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CalendarWords } from "../events/ical.ts";
import { placeholderProblems, placeholdersOf } from "./ui-schema.ts";

const fileOf = (lang: string) => `data/i18n/${lang}.json`;

describe("UI strings beyond key parity", () => {
  it("reads i18next's placeholders, with or without escaping and format", () => {
    assert.deepEqual(placeholdersOf("{{ title }} · {{- html}} · {{date, datetime}} · {{title}}"), ["date", "html", "title"]);
  });

  it("names a translation whose placeholders differ from the default language's", () => {
    const resources = {
      fr: { a: { b: "Résultat : {{outcome}} de {{amount}}" }, c: "Sans variable" },
      en: { a: { b: "Result: {{outcome}}" }, c: "No {{variable}}" },
    };
    assert.deepEqual(
      placeholderProblems(resources, fileOf).map((p) => `${p.file} · ${p.field} · ${p.message}`),
      [
        "data/i18n/en.json · a.b · expected the placeholders {{amount}}, {{outcome}} (as in data/i18n/fr.json), found {{outcome}}",
        "data/i18n/en.json · c · expected no placeholder (as in data/i18n/fr.json), found {{variable}}",
      ],
    );
  });

  it("types the keys and the values of a declared section", () => {
    const t: CalendarWords = (key, values) => `${key} ${JSON.stringify(values)}`;
    assert.equal(t("events.ics.deadline", { date: "1 mai", url: "u" }), 'events.ics.deadline {"date":"1 mai","url":"u"}');
    // The lines below must not compile: `npx tsc --noEmit` fails if they ever do.
    // @ts-expect-error: no such key in events.ics
    assert.ok(t("events.ics.cancelledTitel"));
    // @ts-expect-error: deadline needs both {{date}} and {{url}}
    assert.ok(t("events.ics.deadline", { url: "u" }));
  });
});
