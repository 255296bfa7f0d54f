/* Database commands for npm scripts: migrate, seed, reset. Reads DATABASE_URL / PGLITE_DIR like the server. */
import { createDb } from "./client";
import { migrateDownAll, migrateToLatest } from "./migrate";
import { seed } from "./seed";

const command = process.argv[2];
const handle = await createDb({ url: process.env.DATABASE_URL || undefined, pgliteDir: process.env.PGLITE_DIR });
// The same rule as the server (app/lib/env.server.ts; db/ imports nothing from app/): demo data only in demo mode.
const demo = process.env.DEMO === "true" || (process.env.NODE_ENV !== "production" && process.env.DEMO !== "false");
try {
  if (command === "reset") await migrateDownAll(handle.db);
  if (command === "migrate" || command === "reset" || command === "seed") {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Schema is up to date.");
  } else {
    console.error("Usage: tsx db/cli.ts migrate|seed|reset");
    process.exitCode = 2;
  }
  if (command === "seed" || command === "reset") {
    await seed(handle.db, { demo });
    console.log(`Seeded${demo ? " (with demo data)" : ""}.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await handle.close();
}
