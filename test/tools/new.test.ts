/**
 * npm run new: each content type lands in its section's folder with front
 * matter that the site's own validators (those .eleventy.ts installs) accept,
 * and a second run never overwrites the first.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import configure from "../../.eleventy.ts";
import type { EleventyConfig } from "../../plugins/core/eleventy.ts";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { parseContentPath } from "../../plugins/i18n/paths.ts";
import validatePlugin, { validateFile, type ValidateOptions } from "../../plugins/validate/index.ts";
import { runScript, tempRoot } from "./helpers.ts";

const NOW = "2025-07-03T09:30:00+02:00";

/** The validation options the site's config gives, for a site rooted at `root`. */
async function siteValidation(root: string): Promise<ValidateOptions> {
  let options: ValidateOptions | undefined;
  const directories = { input: path.join(root, "content"), data: path.join(root, "data"), includes: "_includes", output: path.join(root, "_site") };
  const stub = new Proxy({ directories, dir: directories } as Record<string, unknown>, {
    get(target, key) {
      if (key in target) return target[key as string];
      if (key === "addPlugin") return (plugin: unknown, opts: unknown) => plugin === validatePlugin && (options = opts as ValidateOptions);
      return () => stub;
    },
  });
  await configure(stub as unknown as EleventyConfig);
  assert.ok(options, ".eleventy.ts installs the validation plugin");
  return options;
}

function created(stdout: string): string {
  const match = /^Created (.+)$/m.exec(stdout);
  assert.ok(match, `"Created <file>" in:\n${stdout}`);
  return path.resolve(match[1]!);
}

const CASES: { type: string; args: string[]; expected: string }[] = [
  {
    type: "post",
    args: ["--title", "L'Œuvre & nous : bilan de l'été", "--summary", "Ce que nous avons fait cet été.", "--author", "Léa Dubois", "--tags", "association, Été"],
    expected: "blog/2025/l-oeuvre-et-nous-bilan-de-l-ete/index.fr.md",
  },
  {
    type: "event",
    args: ["--title", "Install party d'automne", "--start", "2025-10-11T14:00", "--end", "2025-10-11T18:00", "--venue", "Médiathèque Jacques-Demy", "--address", "24 quai de la Fosse", "--city", "Nantes"],
    expected: "events/2025/install-party-d-automne/index.fr.md",
  },
  { type: "event", args: ["--title", "Apéro en ligne", "--start", "2025-11-05", "--online", "https://visio.example.org/apero"], expected: "events/2025/apero-en-ligne/index.fr.md" },
  {
    type: "event",
    args: ["--title", "Permanence", "--start", "2025-10-04T10:00", "--end", "2025-10-04T12:00", "--every", "month", "--until", "2026-06-30", "--venue", "Médiathèque Jacques-Demy", "--address", "24 quai de la Fosse", "--city", "Nantes"],
    expected: "events/2025/permanence/index.fr.md",
  },
  { type: "report", args: ["--exercice", "2024-2025", "--kind", "moral"], expected: "reports/2024-2025/rapport-moral/index.fr.md" },
  { type: "report", args: ["--exercice", "2024-2025", "--kind", "financial", "--date", "2025-06-14"], expected: "reports/2024-2025/rapport-financier/index.fr.md" },
  { type: "doc", args: ["--title", "Publier un article", "--section", "ecrire", "--order", "2"], expected: "docs/ecrire/publier-un-article/index.fr.md" },
  {
    type: "notice",
    args: ["--title", "Mise à jour de Nextcloud", "--kind", "maintenance", "--services", "fichiers, messagerie", "--start", "2025-11-21T20:00", "--end", "2025-11-21T22:00"],
    expected: "status/2025-11-21-mise-a-jour-de-nextcloud/index.fr.md",
  },
  { type: "notice", args: ["--title", "Messagerie en panne", "--kind", "incident", "--services", "messagerie", "--start", "2025-07-03T09:00"], expected: "status/2025-07-03-messagerie-en-panne/index.fr.md" },
];

/** The services a notice may name, as a site's data/services.yaml lists them. */
const SERVICES = `- id: messagerie
  name: { fr: Messagerie, en: E-mail }
  summary: { fr: Une adresse., en: An address. }
  path: docs/
- id: fichiers
  name: { fr: Fichiers, en: Files }
  summary: { fr: Nextcloud., en: Nextcloud. }
  path: docs/
`;

describe("npm run new", () => {
  let root: string;
  let validation: ValidateOptions;
  before(async () => {
    root = tempRoot();
    mkdirSync(path.join(root, "content"));
    mkdirSync(path.join(root, "data"));
    writeFileSync(path.join(root, "data", "services.yaml"), SERVICES);
    validation = await siteValidation(root);
  });

  for (const { type, args, expected } of CASES) {
    test(`${type} ${args[1]}: ${expected}, valid front matter`, () => {
      const run = runScript("new.ts", [type, ...args, "--root", root], { SITE_NOW: NOW });
      assert.equal(run.status, 0, run.stderr);
      const file = created(run.stdout);
      assert.equal(file, path.join(root, "content", expected));
      assert.match(run.stdout, /Next:/);

      const parsed = parseContentPath(expected, ["fr", "en"]);
      assert.ok(parsed.ok);
      // Validators name files relative to the project, as the build does.
      const problems = validateFile(file, path.relative(PROJECT_ROOT, file), parsed.path.section, validation);
      assert.deepEqual(problems, [], readFileSync(file, "utf8"));
      // A new page stays out of the published site until its writer removes this line.
      assert.match(readFileSync(file, "utf8"), /^draft: true$/m);
    });
  }

  test("the post's front matter holds what was asked, dated now in the site's zone", () => {
    const text = readFileSync(path.join(root, "content", CASES[0]!.expected), "utf8");
    assert.match(text, /^title: "L'Œuvre & nous : bilan de l'été"$/m);
    assert.match(text, /^date: 2025-07-03T09:30$/m);
    assert.match(text, /^authors: \[ ?Léa Dubois ?\]$/m);
    assert.match(text, /^tags: \[ ?association, été ?\]$/m);
  });

  test("refuses to overwrite, says which file exists and leaves it as it was", () => {
    const file = path.join(root, "content", CASES[0]!.expected);
    const before = readFileSync(file, "utf8");
    const run = runScript("new.ts", ["post", ...CASES[0]!.args.slice(0, 2), "--summary", "Autre chose.", "--root", root], { SITE_NOW: NOW });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /l-oeuvre-et-nous-bilan-de-l-ete\/index\.fr\.md already exists: nothing was written/);
    assert.equal(readFileSync(file, "utf8"), before);
  });

  test("without a terminal, a missing or wrong answer is an error naming the flag", () => {
    const noTitle = runScript("new.ts", ["post", "--root", root]);
    assert.equal(noTitle.status, 1);
    assert.match(noTitle.stderr, /--title is required for a post/);
    const badKind = runScript("new.ts", ["report", "--exercice", "2024-2025", "--kind", "annuel", "--root", root]);
    assert.equal(badKind.status, 1);
    assert.match(badKind.stderr, /--kind "annuel": expected one of moral, financial, assembly/);
    const nowhere = runScript("new.ts", ["event", "--title", "Quelque part", "--start", "2025-10-01", "--root", root]);
    assert.equal(nowhere.status, 1);
    assert.match(nowhere.stderr, /--online <url>, or --venue, --address and --city/);
    const series = ["event", "--title", "Permanence", "--start", "2025-10-04T10:00", "--venue", "Médiathèque", "--address", "1 rue", "--city", "Nantes", "--root", root];
    const monthly = runScript("new.ts", [...series, "--every", "mois", "--until", "2026-06-30"]);
    assert.equal(monthly.status, 1);
    assert.match(monthly.stderr, /--every "mois": expected week, month, or a number of them \(2 weeks, 3 months\): write month/);
    const endless = runScript("new.ts", [...series, "--every", "2 weeks"]);
    assert.equal(endless.status, 1);
    assert.match(endless.stderr, /--until is required for an event/);
    const english = runScript("new.ts", ["post", "--title", "Hello", "--lang", "en", "--root", root]);
    assert.equal(english.status, 1);
    assert.match(english.stderr, /written in fr first/);
    assert.equal(existsSync(path.join(root, "content", "blog", "2025", "hello")), false);
    const notice = ["notice", "--title", "Coupure", "--start", "2025-12-10T20:00", "--root", root];
    const unknown = runScript("new.ts", [...notice, "--kind", "maintenance", "--services", "messagerie, visio", "--end", "2025-12-10T23:00"]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /--services "messagerie, visio": visio: not in data\/services\.yaml, whose ids are messagerie, fichiers/);
    const open = runScript("new.ts", [...notice, "--kind", "maintenance", "--services", "messagerie"]);
    assert.equal(open.status, 1);
    assert.match(open.stderr, /--end is required for a notice about a maintenance \(only an incident still going on has none\)/);
    const french = runScript("new.ts", [...notice, "--kind", "panne", "--services", "messagerie"]);
    assert.equal(french.status, 1);
    assert.match(french.stderr, /--kind "panne": expected maintenance or incident: write incident/);
    assert.equal(existsSync(path.join(root, "content", "status", "2025-12-10-coupure")), false);
  });

  test("an unknown type is refused with the list of types", () => {
    const run = runScript("new.ts", ["article", "--title", "X", "--root", root]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown type "article": expected one of post, event, report, doc, notice/);
  });
});
