/**
 * Every plugin validates its options at registration the same way: defaults filled in
 * by its schema, and one error listing each bad option with what was expected and what
 * was received, headed by the plugin's name. No Eleventy import.
 */
import type { z } from "zod";
import { describeValue } from "../validate/zod-problems.ts";

/** The options as the plugin's code reads them, or an error naming the plugin and each bad option. */
export function parsePluginOptions<S extends z.ZodType>(pluginName: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.join(".") || "(options)";
    const received = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], input);
    // describeValue, not JSON: options hold the project and functions, which JSON cannot show.
    return `  ${where}: ${issue.message} (received ${describeValue(received)})`;
  });
  throw new Error(`[${pluginName} plugin] invalid options:\n${lines.join("\n")}`);
}
