import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fediverseAccount, parseSite, type SiteInput } from "./site.ts";

const SETTINGS: SiteInput = {
  name: "Asso",
  url: "https://asso.example",
  description: { fr: "Une association." },
  languages: [{ code: "fr", label: "Français", locale: "fr-FR" }],
  defaultLanguage: "fr",
  forge: { url: "https://forge.example/asso/site", editUrl: "https://forge.example/asso/site/_edit/main/{path}" },
  donateUrl: "/soutenir/",
  email: "contact@asso.example",
  licence: { name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
};

describe("the site's accounts elsewhere", () => {
  it("are none unless written", () => {
    assert.deepEqual(parseSite(SETTINGS).elsewhere, []);
  });

  it("refuses an address that is not https://, or a link without its text, naming the field", () => {
    assert.throws(
      () => parseSite({ ...SETTINGS, elsewhere: [{ name: "Mastodon", url: "http://piaille.example/@asso" }] }),
      /data\/site\.ts · elsewhere\.0\.url · an https:\/\/ address/,
    );
    assert.throws(
      () => parseSite({ ...SETTINGS, elsewhere: [{ name: "Mastodon", url: "https://piaille.example/@asso" }, { name: " ", url: "https://matrix.to/#/#asso:asso.example" }] }),
      /elsewhere\.1\.name/,
    );
    assert.throws(() => parseSite({ ...SETTINGS, elsewhere: ["https://piaille.example/@asso"] as never }), /elsewhere\.0 · an account written \{ name: "Mastodon", url: "https:\/\/…" \}/);
  });

  it("give the fediverse account of the first profile written https://host/@name", () => {
    const account = (...urls: string[]) => fediverseAccount(parseSite({ ...SETTINGS, elsewhere: urls.map((url) => ({ name: "x", url })) }));
    assert.equal(account("https://Piaille.example/@asso"), "@asso@piaille.example");
    assert.equal(account("https://video.example/a/asso/video-channels", "https://matrix.to/#/@asso:asso.example", "https://gts.example/@asso/"), "@asso@gts.example");
    assert.equal(account("https://video.example/a/asso", "https://matrix.to/#/@asso:asso.example"), undefined);
    assert.equal(account(), undefined);
  });
});
