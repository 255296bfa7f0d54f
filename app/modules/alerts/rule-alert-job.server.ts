import { sql, type Kysely } from "kysely";
import type { Database, RuleAlertPhase } from "~db/schema";
import { todayInTaipei } from "~/lib/i18n/format";
import { ruleSetFor, ruleSets } from "~/modules/eligibility/rules.server";
import { PATHWAYS, type PathwayId, type RuleSet } from "~/modules/eligibility/rules.schema";
import { linkFor, type LinkTo } from "~/modules/notifications/outbox.server";
import { casesBatch, checksBatch, type BatchContext, type BatchOutcome } from "./rule-alert-batch.server";
import { startPeriodic } from "~/lib/periodic.server";

export interface RuleAlertOptions {
  /** The Taipei day (YYYY-MM-DD); tests fix it. */
  today?: string;
  /** The dated rule sets (default: content/eligibility); tests add a fixture. */
  sets?: Map<PathwayId, RuleSet[]>;
  link?: LinkTo;
  batchSize?: number;
  /** Stop after this many batches (a tick's budget; tests stop midway). */
  maxBatches?: number;
  /** Runs inside each batch's transaction after its writes; a throw rolls the batch back (tests kill the job here). */
  beforeCommit?: (batch: {
    runId: string;
    ruleSetVersion: string;
    phase: RuleAlertPhase;
    examined: number;
  }) => void | Promise<void>;
}

const ENACTED = new Set<RuleSet["status"]>(["in-force", "criteria-pending"]);
const START: Record<Exclude<RuleAlertPhase, "done">, string> = {
  checks: "0",
  cases: "00000000-0000-0000-0000-000000000000",
};

/**
 * Creates a run for each pathway's rule set in force today (Taipei) that has none yet: a rule set added with a
 * future date gets its run on the first tick of its effective day. Proposed and draft sets decide nothing, so none.
 */
export async function scheduleRuns(
  db: Kysely<Database>,
  today: string,
  sets: Map<PathwayId, RuleSet[]> = ruleSets()
): Promise<number> {
  const current = PATHWAYS.flatMap((p) => {
    const rs = ruleSetFor(p, today, sets);
    return rs && ENACTED.has(rs.status) ? [rs] : [];
  });
  if (current.length === 0) return 0;
  const known = await db
    .selectFrom("rule_alert_runs")
    .select("rule_set_version")
    .where(
      "rule_set_version",
      "in",
      current.map((rs) => rs.version)
    )
    .execute();
  const missing = current.filter((rs) => !known.some((k) => k.rule_set_version === rs.version));
  if (missing.length === 0) return 0; // no empty INSERT: its statement trigger would drop every cached page
  const rows = missing.map((rs) => ({
    pathway: rs.pathway,
    rule_set_version: rs.version,
    effective_from: rs.effectiveFrom,
    as_of: today,
  }));
  const added = await db
    .insertInto("rule_alert_runs")
    .values(rows)
    .onConflict((oc) => oc.column("rule_set_version").doNothing())
    .returning("id")
    .execute();
  return added.length;
}

type RunRow = {
  id: string;
  pathway: string;
  rule_set_version: string;
  as_of: string;
  phase: RuleAlertPhase;
  cursor: string | null;
};

/**
 * One batch of one unfinished run, in one transaction. The run row is claimed with FOR UPDATE SKIP LOCKED, so another
 * process skips it while this batch works (and takes it for the next batch); alerts, new results, e-mails and the
 * cursor commit together or not at all, so a job killed midway redoes only its unfinished batch. "idle": nothing to do.
 */
export async function runOneBatch(
  db: Kysely<Database>,
  o: Required<Pick<RuleAlertOptions, "link" | "batchSize">> & RuleAlertOptions & { sets: Map<PathwayId, RuleSet[]> }
): Promise<"worked" | "idle"> {
  return db.transaction().execute(async (trx) => {
    // Only runs of rule sets this process knows: one still on older content (a rolling deploy) leaves newer runs alone.
    const known = [...o.sets.values()].flat().map((r) => r.version);
    const { rows } = await sql<RunRow>`
      select id::text as id, pathway, rule_set_version, as_of, phase, cursor from rule_alert_runs
      where finished_at is null and rule_set_version = any(${known}::text[])
      order by id limit 1 for update skip locked`.execute(trx);
    const run = rows[0];
    if (!run) return "idle";
    const rs = o.sets.get(run.pathway as PathwayId)?.find((r) => r.version === run.rule_set_version);
    if (!rs || run.phase === "done") {
      await trx
        .updateTable("rule_alert_runs")
        .set({ phase: "done", finished_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
        .where("id", "=", run.id)
        .execute();
      return "worked";
    }
    const ctx: BatchContext = { runId: run.id, rs, asOf: run.as_of, sets: o.sets, link: o.link, size: o.batchSize };
    const out: BatchOutcome = await (run.phase === "checks" ? checksBatch : casesBatch)(
      trx,
      ctx,
      run.cursor ?? START[run.phase]
    );
    await o.beforeCommit?.({ runId: run.id, ruleSetVersion: rs.version, phase: run.phase, examined: out.examined });
    await advance(trx, run, out);
    return "worked";
  });
}

/** Moves the cursor on, or to the next phase when a phase ran out of rows. */
async function advance(trx: Kysely<Database>, run: RunRow, out: BatchOutcome): Promise<void> {
  const next: RuleAlertPhase = out.last !== null ? run.phase : run.phase === "checks" ? "cases" : "done";
  await trx
    .updateTable("rule_alert_runs")
    .set({
      phase: next,
      cursor: out.last,
      examined: sql`examined + ${out.examined}`,
      alerted: sql`alerted + ${out.alerted}`,
      batches: sql`batches + 1`,
      updated_at: sql<Date>`now()`,
      ...(next === "done" ? { finished_at: sql<Date>`now()` } : {}),
    })
    .where("id", "=", run.id)
    .execute();
}

/** Schedules today's runs and works batches until none is left (or `maxBatches`); returns the batches done. */
export async function runRuleAlerts(db: Kysely<Database>, options: RuleAlertOptions = {}): Promise<number> {
  const sets = options.sets ?? ruleSets();
  const o = { ...options, sets, link: options.link ?? linkFor(), batchSize: options.batchSize ?? 500 };
  await scheduleRuns(db, options.today ?? todayInTaipei(), sets);
  let batches = 0;
  while (batches < (options.maxBatches ?? Infinity)) {
    if ((await runOneBatch(db, o)) === "idle") break;
    batches++;
  }
  return batches;
}

/** The periodic tick (every server process runs one; the claims keep them apart). */
export function startRuleAlertWorker(
  db: Kysely<Database>,
  options: { intervalMs?: number; onError?: (e: unknown) => void } = {}
) {
  return startPeriodic(() => runRuleAlerts(db, { maxBatches: 200 }), {
    intervalMs: options.intervalMs ?? 60_000,
    onError: options.onError,
  });
}
