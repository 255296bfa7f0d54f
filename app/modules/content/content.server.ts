import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { getEnv } from "~/lib/env.server";

const cache = new Map<string, unknown>();

/** Reads a JSON file under content/ once and validates it; a bad file throws with its name. */
export function readContentJson<S extends z.ZodTypeAny>(relativePath: string, schema: S): z.infer<S> {
  if (!cache.has(relativePath) || getEnv().NODE_ENV === "development") {
    const file = path.resolve(process.cwd(), "content", relativePath);
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`content/${relativePath} is invalid: ${parsed.error.message}`);
    cache.set(relativePath, parsed.data);
  }
  return cache.get(relativePath) as z.infer<S>;
}
