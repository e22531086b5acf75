/** The starter site's UI strings (data/i18n), read as the plugins read them, for unit tests of pure helpers. */
import path from "node:path";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { loadResources } from "../../plugins/i18n/strings.ts";

export const SITE_STRINGS = loadResources(path.join(PROJECT_ROOT, "data/i18n"), ["fr", "en"], PROJECT_ROOT).resources;
