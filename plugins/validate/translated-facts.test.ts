import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { factDifferences as differences, type FactPath } from "./translated-facts.ts";

const FR = {
  title: "Permanence",
  start: "2027-01-02T10:00",
  end: "2027-01-02T12:00",
  repeat: { every: "month", until: "2027-06-30", except: ["2027-05-01"] },
  venue: { name: "Médiathèque" },
  registration: { url: "https://inscription.example.org/permanence" },
  price: 5,
};
const at = (path: (string | number)[]) => `index.fr.md[${path.join(".")}]`;
/** An event's facts, and a report's period whose label is words. */
const FACTS: FactPath[] = [["start"], ["end"], ["repeat"], ["status"], ["online"], ["registration"], ["price"], ["period", "start"], ["period", "end"]];
const factDifferences = (original: Record<string, unknown>, translation: Record<string, unknown>, where: typeof at) => differences(original, translation, FACTS, where);
const fields = (translation: Record<string, unknown>) => factDifferences(FR, translation, at).map((d) => d.field);

describe("the facts of a translation", () => {
  it("may be written otherwise, its words translated: the same date, the same map in another order", () => {
    const en = { ...FR, title: "Drop-in", venue: { name: "Library" }, start: "2027-01-02 10:00", repeat: { except: ["2027-05-01"], until: "2027-06-30", every: "month" } };
    assert.deepEqual(factDifferences(FR, en, at), []);
  });

  it("name the first field that differs, nested ones by their path, with the original's value and where it is written", () => {
    const [start] = factDifferences(FR, { ...FR, start: "2027-01-09T10:00" }, at);
    assert.deepEqual(start, {
      field: "start",
      path: ["start"],
      message: "expected the original's start (index.fr.md[start]: 2027-01-02T10:00), found 2027-01-09T10:00: facts such as dates are the same in every language, only words are translated; copy the original's",
    });
    // An item of a list of the same length is named by its place; a list of another length as a whole, its items shown.
    const [skipped] = factDifferences(FR, { ...FR, repeat: { ...FR.repeat, except: ["2027-05-08"] } }, at);
    assert.equal(skipped!.field, "repeat.except.0");
    assert.match(skipped!.message, /^expected the original's repeat\.except\.0 \(index\.fr\.md\[repeat\.except\.0\]: 2027-05-01\), found 2027-05-08: /);
    const [longer] = factDifferences(FR, { ...FR, repeat: { ...FR.repeat, except: ["2027-05-01", "2027-05-08"] } }, at);
    assert.match(longer!.message, /^expected the original's repeat\.except \(index\.fr\.md\[repeat\.except\]: \[2027-05-01\]\), found \[2027-05-01, 2027-05-08\]: /);
    assert.deepEqual(fields({ ...FR, registration: { url: "https://inscription.example.org/drop-in" } }), ["registration.url"]);
    assert.deepEqual(fields({ ...FR, repeat: undefined, price: undefined, status: "cancelled" }), ["repeat", "status", "price"]);
  });

  it("leave the words of a group of facts to the translator: a period's label", () => {
    const fr = { ...FR, period: { label: "automne 2018", start: "2018-09-01", end: "2018-12-31" } };
    assert.deepEqual(factDifferences(fr, { ...fr, period: { label: "autumn 2018", start: "2018-09-01", end: "2018-12-31" } }, at), []);
    assert.deepEqual(
      factDifferences(fr, { ...fr, period: { label: "autumn 2018", start: "2018-09-01", end: "2018-11-30" } }, at).map((d) => d.field),
      ["period.end"],
    );
  });

  it("say when the translation has a fact the original does not", () => {
    const [online] = factDifferences(FR, { ...FR, online: "https://visio.example.org" }, at);
    assert.equal(online!.message, "expected no online, as the original (index.fr.md[]), found https://visio.example.org: facts such as dates are the same in every language, only words are translated; delete it, or add it to the original too");
  });
});
