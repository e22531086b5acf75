/**
 * Every plugin of the site can be added twice, as a site that copies a plugin line
 * or a plugin that adds another would: Eleventy keeps the first (they are marked
 * unique), so nothing is registered twice and the site comes out the same.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import Eleventy from "@11ty/eleventy";
import blogPlugin from "../../plugins/blog/index.ts";
import checksPlugin from "../../plugins/checks/index.ts";
import corePlugin from "../../plugins/core/index.ts";
import type { EleventyConfig } from "../../plugins/core/eleventy.ts";
import { loadProject, PROJECT_ROOT } from "../../plugins/core/project.ts";
import docsPlugin from "../../plugins/docs/index.ts";
import eventsPlugin from "../../plugins/events/index.ts";
import feedsPlugin from "../../plugins/feeds/index.ts";
import i18nPlugin from "../../plugins/i18n/index.ts";
import imagesPlugin from "../../plugins/images/index.ts";
import pagesPlugin from "../../plugins/pages/index.ts";
import reportsPlugin from "../../plugins/reports/index.ts";
import searchPlugin from "../../plugins/search/index.ts";
import translationsPlugin from "../../plugins/translations/index.ts";
import { buildSite, builtSite, fixtureDir } from "../helpers/build.ts";

const FIXTURE = "fr-only";
// Feeds carry the build time: both builds take the same one.
const NOW = "2026-01-15T12:00:00+01:00";

describe("plugins added twice", () => {
  it("build the same site as plugins added once", async () => {
    const once = await buildSite({ fixture: FIXTURE, now: NOW });
    const output = mkdtempSync(path.join(tmpdir(), "site-twice-"));
    const input = path.join(fixtureDir(FIXTURE), "content");
    const project = await loadProject({ input, data: path.join(fixtureDir(FIXTURE), "data"), output });
    const cwd = process.cwd();
    process.chdir(PROJECT_ROOT);
    process.env.SITE_NOW = NOW;
    try {
      const eleventy = new Eleventy(path.relative(PROJECT_ROOT, input), output, {
        configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
        quietMode: true,
        source: "cli",
        // The config file adds every plugin once; this adds them all again, with the same options.
        config: (cfg: unknown) =>
          (cfg as EleventyConfig).addPlugin(function addedAgain(again: EleventyConfig) {
            again.addPlugin(corePlugin, project);
            again.addPlugin(i18nPlugin, project);
            again.addPlugin(imagesPlugin);
            for (const plugin of [blogPlugin, eventsPlugin, feedsPlugin, pagesPlugin, docsPlugin, searchPlugin, reportsPlugin, translationsPlugin, checksPlugin]) {
              again.addPlugin(plugin, { project });
            }
          }),
      });
      await eleventy.write();
    } finally {
      delete process.env.SITE_NOW;
      process.chdir(cwd);
    }
    const twice = builtSite(output);
    assert.deepEqual(twice.files, once.files);
    for (const file of once.files.filter((f) => /\.(html|xml|json|ics|txt)$/.test(f))) assert.equal(twice.read(file), once.read(file), file);
  });

  it("stop on a bad option, naming the plugin, the option and what was received", async () => {
    const project = await loadProject({ input: path.join(PROJECT_ROOT, "content"), data: path.join(PROJECT_ROOT, "data"), output: "_site" });
    const eleventy = new Eleventy(path.join(PROJECT_ROOT, "content"), mkdtempSync(path.join(tmpdir(), "site-bad-option-")), {
      quietMode: true,
      config: (cfg: unknown) => (cfg as EleventyConfig).addPlugin(docsPlugin, { project, folder: "Docs/" }),
    });
    // Eleventy wraps a plugin's error; the plugin's own message is in the chain.
    const causes = (error: unknown): string =>
      error instanceof Error ? `${error.message}\n${causes((error as { originalError?: unknown }).originalError ?? error.cause)}` : "";
    await assert.rejects(eleventy.toJSON(), (error) => {
      assert.match(causes(error), /\[docs plugin\] invalid options:\n {2}folder: one folder name, lowercase \(received "Docs\/"\)/);
      return true;
    });
  });
});
