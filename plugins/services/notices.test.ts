import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noticeOf, noticeState, noticeValidator, noticeWarning } from "./notices.ts";

const ZONE = "Europe/Paris";
const KNOWN = [
  { id: "messagerie", names: ["Messagerie", "E-mail"] },
  { id: "visio", names: ["Visioconférence", "Video calls"] },
];
const validate = (fm: Record<string, unknown>) => noticeValidator(ZONE, () => KNOWN)({ title: "Avis", ...fm }, "content/status/x/index.fr.md").map((p) => `${p.field} · ${p.message}`);
const notice = (fm: Record<string, unknown>) => noticeOf({ title: "Avis", ...fm }, ZONE);
const at = (iso: string) => new Date(iso);

describe("noticeValidator", () => {
  it("accepts a maintenance with its end and an incident still going on", () => {
    assert.deepEqual(validate({ kind: "maintenance", services: ["messagerie"], start: "2026-12-10T20:00", end: "2026-12-10T23:00" }), []);
    assert.deepEqual(validate({ kind: "incident", services: "visio", start: "2026-12-02T14:10" }), []);
  });

  it("suggests the id of a service written by the name readers see, in any language", () => {
    assert.deepEqual(validate({ kind: "incident", services: ["Visioconférence"], start: "2026-12-02T14:10" }), [
      'services.0 · expected the id of a service in data/services.yaml, found "Visioconférence" (did you mean "visio"?); the ids are messagerie, visio',
    ]);
    assert.match(validate({ kind: "incident", services: "e-mail", start: "2026-12-02T14:10" })[0]!, /did you mean "messagerie"\?/);
  });

  it("checks nothing about services while data/services.yaml cannot be read", () => {
    const problems = noticeValidator(ZONE, () => undefined)({ title: "Avis", kind: "incident", services: "nulle-part", start: "2026-12-02T14:10" }, "x.md");
    assert.deepEqual(problems, []);
  });
});

describe("where a notice stands", () => {
  const maintenance = notice({ kind: "maintenance", services: "messagerie", start: "2026-12-10T20:00", end: "2026-12-10T23:00" });
  it("is planned, then in progress, then over, at the build's time in the site's zone", () => {
    assert.equal(noticeState(maintenance, at("2026-12-10T18:59:00Z")), "upcoming");
    assert.equal(noticeState(maintenance, at("2026-12-10T19:00:00Z")), "ongoing");
    assert.equal(noticeState(maintenance, at("2026-12-10T22:00:00Z")), "over");
  });

  it("warns of an incident left open for over a week, or dated in the future, and of nothing else", () => {
    const open = notice({ kind: "incident", services: "visio", start: "2026-12-02T14:10" });
    assert.equal(noticeWarning(open, at("2026-12-05T12:00:00Z")), undefined);
    assert.equal(noticeWarning(open, at("2026-12-10T12:00:00Z")), "an incident without end since 2026-12-02: the home page no longer announces it; add end: when it was solved");
    const typo = notice({ kind: "incident", services: "visio", start: "2062-12-02T14:10", end: "2062-12-02T15:00" });
    assert.match(noticeWarning(typo, at("2026-12-10T12:00:00Z"))!, /^an incident that begins on 2062-12-02, still to come: check the year and the month/);
    assert.equal(noticeWarning(maintenance, at("2026-12-01T12:00:00Z")), undefined);
  });
});
