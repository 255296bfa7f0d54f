import { sql, type Kysely } from "kysely";

const now = (c: any) => c.notNull().defaultTo(sql`now()`);

/**
 * Issue 17, rule-change alerts. Consents (one per stored result or case, with when given and withdrawn), one job run
 * per rule set that took effect (its keyset cursor makes the job resumable), and one alert per subject and rule set
 * (the unique key makes "exactly once" a property of the database, not of the job's luck).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rule_alert_consents")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("check_id", "text", (c) => c.unique().references("eligibility_checks.id").onDelete("cascade"))
    .addColumn("case_id", "uuid", (c) => c.unique().references("cases.id").onDelete("cascade"))
    .addColumn("given_at", "timestamptz", (c) => c.notNull())
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", now)
    .addCheckConstraint("rule_alert_consents_one_subject", sql`num_nonnulls(check_id, case_id) = 1`)
    .execute();
  await db.schema.createIndex("rule_alert_consents_user_idx").on("rule_alert_consents").column("user_id").execute();
  await db.schema
    .createTable("rule_alert_runs")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("pathway", "text", (c) => c.notNull())
    .addColumn("rule_set_version", "text", (c) => c.notNull().unique())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("phase", "text", (c) =>
      c
        .notNull()
        .defaultTo("checks")
        .check(sql`phase in ('checks', 'cases', 'done')`)
    )
    .addColumn("cursor", "text")
    .addColumn("examined", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("alerted", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("batches", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", now)
    .addColumn("updated_at", "timestamptz", now)
    .addColumn("finished_at", "timestamptz")
    .execute();
  await db.schema
    .createTable("rule_alerts")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("run_id", "bigint", (c) => c.notNull().references("rule_alert_runs.id").onDelete("cascade"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("rule_set_version", "text", (c) => c.notNull())
    .addColumn("pathway", "text", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("check_id", "text")
    .addColumn("new_check_id", "text")
    .addColumn("case_id", "uuid", (c) => c.references("cases.id").onDelete("cascade"))
    .addColumn("emailed", "boolean", (c) => c.notNull())
    .addColumn("change", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", now)
    .addColumn("staff_seen_at", "timestamptz")
    .addUniqueConstraint("rule_alerts_once", ["subject", "rule_set_version"])
    .execute();
  await db.schema.createIndex("rule_alerts_user_idx").on("rule_alerts").columns(["user_id", "id"]).execute();
  await sql`create index rule_alerts_case_idx on rule_alerts (case_id, id) where case_id is not null`.execute(db);
  // A rule set taking effect changes what anonymous results pages say ("the rules have changed"): drop cached pages.
  await sql`create trigger rule_alert_runs_content_version
    after insert on rule_alert_runs
    for each statement execute function content_version_bump()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rule_alerts").execute();
  await db.schema.dropTable("rule_alert_runs").execute();
  await db.schema.dropTable("rule_alert_consents").execute();
}
