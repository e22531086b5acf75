import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { readServices, serviceUrl } from "./catalog.ts";

const lines = (text: string) => readServices(text, ["fr", "en"]).problems.map((p) => `${p.file}:${p.line} · ${p.field} · ${p.message}`);

const MAIL = `- id: mail
  name:
    fr: Courriel
    en: Mail
  summary:
    fr: Une adresse.
    en: An address.
  path: docs/
`;

describe("readServices", () => {
  it("reads the starter site's services in both languages", () => {
    const { services, problems } = readServices(readFileSync("data/services.yaml", "utf8"), ["fr", "en"]);
    assert.deepEqual(problems, []);
    assert.ok(services.length >= 3);
    for (const s of services) assert.ok(s.name.fr && s.name.en && s.summary.fr && s.summary.en);
  });

  it("names the line and field of a mistake", () => {
    assert.match(lines(MAIL.replace("path: docs/", "path: /docs/"))[0]!, /^data\/services\.yaml:8 · 0\.path · a path inside the language/);
    // Notices are still checked against the ids written.
    assert.deepEqual(readServices(MAIL.replace("path: docs/", "path: /docs/"), ["fr", "en"]).ids, [{ id: "mail", names: ["Courriel", "Mail"] }]);
    assert.deepEqual(lines(MAIL.replace("    en: Mail\n", "")), ["data/services.yaml:2 · 0.name · missing name.en: mail needs a name in every language of the site"]);
  });

  it("refuses two entries with one id: notices name services by it", () => {
    assert.deepEqual(lines(MAIL + MAIL.replace("path: docs/", "path: docs/mail/")), ['data/services.yaml:9 · 1.id · "mail" is the id of an earlier entry: each service needs its own']);
  });

  it("says what a YAML mistake is, at its line", () => {
    assert.deepEqual(lines(MAIL.replace("fr: Une adresse.", "fr: Courriel : une adresse")), ['data/services.yaml:6 · fr · a value containing ": " must be put in quotes; write the line as:     fr: "Courriel : une adresse"']);
  });

  it("is empty for an empty list", () => {
    assert.deepEqual(readServices("[]", ["fr"]), { services: [], problems: [], ids: [] });
  });
});

describe("serviceUrl", () => {
  it("localises a path and keeps an outside address", () => {
    const url = (p: string) => `/en/${p}`;
    assert.equal(serviceUrl({ id: "a", name: {}, summary: {}, path: "docs/services/" }, url), "/en/docs/services/");
    assert.equal(serviceUrl({ id: "a", name: {}, summary: {}, path: "https://status.example.org/" }, url), "https://status.example.org/");
  });
});
