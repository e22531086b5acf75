import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { plainText } from "./plain-text.ts";

describe("plain text from a Markdown summary", () => {
  it("drops Markdown and HTML, keeping the words and the link targets", () => {
    assert.equal(
      plainText("Venez **installer** Linux &amp; des [logiciels libres](https://framasoft.org) <b>ici</b> &lt;3 `code`"),
      "Venez installer Linux & des logiciels libres (https://framasoft.org) ici <3 code",
    );
  });

  it("keeps paragraphs and list items apart", () => {
    assert.equal(plainText("Premier.\nSuite.\n\n- un\n- deux\n\nFin."), "Premier. Suite.\n\n- un\n- deux\n\nFin.");
  });

  it("does not repeat a link whose text is its address, and keeps image alt text", () => {
    assert.equal(plainText("<https://x.org> [contact@x.org](mailto:contact@x.org) ![un chaton](c.jpg)"), "https://x.org contact@x.org un chaton");
  });

  it("leaves template-looking text alone", () => {
    assert.equal(plainText("{{ title }} {% raw %}"), "{{ title }} {% raw %}");
  });
});
