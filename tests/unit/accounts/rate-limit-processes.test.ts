import { describe, expect, it } from "vitest";
import { isLocked, LIMITS, recordFailure } from "~/modules/accounts/rate-limit.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { secondPostgresHandle } from "../../support/second-db";

const postgres = testDatabases().filter(([name]) => name === "postgres");

// Two connection pools stand for two server processes; that needs a PostgreSQL server (TEST_DATABASE_URL).
describe.skipIf(postgres.length === 0).each(postgres.length ? postgres : testDatabases())(
  "rate limit across two processes on %s",
  (_name, open) => {
    const db = useMigratedDb(open);

    it("counts failures from two pools together, even when they race", async () => {
      const other = await secondPostgresHandle(db());
      expect(other).toBeDefined();
      const keys = [{ key: "account:shared@example.test", limit: LIMITS.account }];
      try {
        await Promise.all([
          recordFailure(db(), keys),
          recordFailure(other!.db, keys),
          recordFailure(db(), keys),
          recordFailure(other!.db, keys),
        ]);
        expect(await isLocked(other!.db, ["account:shared@example.test"])).toBe(false);
        await recordFailure(other!.db, keys);
        expect(await isLocked(db(), ["account:shared@example.test"])).toBe(true);
        const row = await db().selectFrom("login_attempts").select("failures").executeTakeFirstOrThrow();
        expect(row.failures).toBe(5);
      } finally {
        await other?.close();
      }
    });
  }
);
