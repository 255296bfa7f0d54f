import type { Kysely } from "kysely";
import type { Database } from "./schema";
import { seedDirectories } from "./seeds/directories";
import { seedDemoAccounts } from "./seeds/demo-accounts";
import { seedStaffDemo } from "./seeds/staff";

export interface SeedOptions {
  /** Demo data (accounts, cases) is never written in production. */
  demo: boolean;
}

type Seeder = (db: Kysely<Database>, options: SeedOptions) => Promise<void>;

/** Seeders run in order; each must be idempotent (insert … on conflict do nothing/update). */
export const seeders: Seeder[] = [seedDirectories, seedDemoAccounts, seedStaffDemo];

export async function seed(db: Kysely<Database>, options: SeedOptions): Promise<void> {
  for (const run of seeders) await run(db, options);
}
