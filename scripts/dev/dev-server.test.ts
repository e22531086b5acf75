import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../../plugins/core/project.ts";
import { DEV_NODE_FLAGS } from "./dev-server.ts";

test("the dev server the bench and the tests start runs with npm start's Node flags", () => {
  const start: string = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).scripts.start;
  for (const flag of DEV_NODE_FLAGS) assert.ok(start.split(" ").includes(flag), `npm start lacks ${flag}: ${start}`);
});
