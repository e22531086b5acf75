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

describe("the settings' own checks", () => {
  const problem = (input: SiteInput, source?: string) => {
    try {
      parseSite(input, "data/site.ts", source);
    } catch (error) {
      return (error as Error).message;
    }
    return "no problem";
  };

  it("refuse a time zone or a locale that Intl does not know, saying what was written", () => {
    assert.match(problem({ ...SETTINGS, timezone: "Europe/Pariss" }), /^  data\/site\.ts · timezone · "Europe\/Pariss" is not a time zone/m);
    assert.match(problem({ ...SETTINGS, timezone: "UTC" }), /^no problem$/);
    const languages = (locale: string) => ({ ...SETTINGS, languages: [{ code: "fr", label: "Français", locale }] });
    assert.match(problem(languages("fr_FR")), /languages\.0\.locale · "fr_FR" is not a locale this system can write dates in/);
    assert.match(problem(languages("francais")), /languages\.0\.locale · "francais" is not a locale/);
    assert.equal(problem(languages("fr")), "no problem");
  });

  it("ask for a description in every language; one left from a language taken out is not read", () => {
    const bilingual: SiteInput = { ...SETTINGS, languages: [...SETTINGS.languages, { code: "en", label: "English", locale: "en-GB" }] };
    assert.match(problem(bilingual), /^1 settings problem stopped the build:\n  data\/site\.ts · description\.en · missing: the description in English/);
    assert.equal(problem({ ...SETTINGS, description: { fr: "Une association.", en: "An association." } }), "no problem");
  });

  it("name the line of the field in the module's text, or of the closest field written", () => {
    const source = [
      "// The association's settings.",
      "",
      "const site: SiteInput = {",
      '  name: "Asso",',
      '  timezone: "Europe/Pariss",',
      "  languages: [",
      '    { code: "fr", label: "Français", locale: "fr-FR" },',
      "    {",
      '      code: "en",',
      '      locale: "english",',
      "    },",
      "  ],",
      "};",
      "export default site;",
    ].join("\n");
    const input = { ...SETTINGS, timezone: "Europe/Pariss", languages: [SETTINGS.languages[0]!, { code: "en", locale: "english" }] } as SiteInput;
    const lines = problem(input, source).split("\n").slice(1);
    assert.deepEqual(lines, [
      "  data/site.ts:8 · languages.1.label · missing: expected a text",
      '  data/site.ts:10 · languages.1.locale · "english" is not a locale this system can write dates in: write one it knows, such as fr-FR or en-GB (a language it lacks can take the dates of another)',
      '  data/site.ts:5 · timezone · "Europe/Pariss" is not a time zone: expected a name of the IANA time zone database, such as Europe/Paris',
    ]);
    // `export default { … } satisfies SiteInput` too.
    const inline = ["export default {", '  timezone: "Europe/Pariss",', "} satisfies SiteInput;"].join("\n");
    assert.match(problem({ ...SETTINGS, timezone: "Europe/Pariss" }, inline), /data\/site\.ts:2 · timezone/);
  });
});

describe("the settings' addresses and languages", () => {
  it("say what an address looks like, and what was written", () => {
    assert.throws(() => parseSite({ ...SETTINGS, url: "www.asso.example" }), /data\/site\.ts · url · an address such as https:\/\/www\.example\.org, found "www\.asso\.example"/);
  });

  it("name the field a misspelt one probably is, at any depth", () => {
    const misspelt = { ...SETTINGS, timezon: "Europe/Paris", forge: { ...SETTINGS.forge, repo: "asso/site" } } as unknown as SiteInput;
    assert.throws(() => parseSite(misspelt), (error: Error) => {
      assert.match(error.message, /data\/site\.ts · timezon · unknown field "timezon": did you mean "timezone"\?/);
      // Not close enough to any field of the forge's: said so.
      assert.match(error.message, /forge\.repo · unknown field "repo": check its spelling or remove it/);
      return true;
    });
  });

  it("refuse a language code written twice", () => {
    const twice: SiteInput = { ...SETTINGS, languages: [...SETTINGS.languages, { code: "fr", label: "English", locale: "en-GB" }] };
    assert.throws(() => parseSite(twice), /languages\.1\.code · "fr" is written twice: each language needs a code of its own/);
  });
});
