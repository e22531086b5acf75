import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { factDifferences } from "./facts.ts";

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
const fields = (translation: Record<string, unknown>) => factDifferences(FR, translation, at).map((d) => d.field);

describe("an event's facts in a translation", () => {
  it("may be written otherwise, its words translated: the same date, the same map in another order", () => {
    const en = { ...FR, title: "Drop-in", venue: { name: "Library" }, start: "2027-01-02 10:00", repeat: { except: ["2027-05-01"], until: "2027-06-30", every: "month" } };
    assert.deepEqual(factDifferences(FR, en, at), []);
  });

  it("name the first field that differs, nested ones by their path, with the original's value and where it is written", () => {
    const [start] = factDifferences(FR, { ...FR, start: "2027-01-09T10:00" }, at);
    assert.deepEqual(start, {
      field: "start",
      path: ["start"],
      message: "expected the original's start (index.fr.md[start]: 2027-01-02T10:00), found 2027-01-09T10:00: dates, status, price and registration are the same in every language; copy the original's",
    });
    assert.deepEqual(fields({ ...FR, repeat: { ...FR.repeat, except: ["2027-05-08"] } }), ["repeat.except"]);
    assert.deepEqual(fields({ ...FR, registration: { url: "https://inscription.example.org/drop-in" } }), ["registration.url"]);
    assert.deepEqual(fields({ ...FR, repeat: undefined, price: undefined, status: "cancelled" }), ["repeat", "status", "price"]);
  });

  it("say when the translation has a fact the original does not", () => {
    const [online] = factDifferences(FR, { ...FR, online: "https://visio.example.org" }, at);
    assert.equal(online!.message, "expected no online, as the original (index.fr.md[]), found https://visio.example.org: dates, status, price and registration are the same in every language; delete it, or add it to the original too");
  });
});
