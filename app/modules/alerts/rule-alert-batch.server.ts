import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import { evaluate } from "~/modules/eligibility/evaluate";
import type { Answers } from "~/modules/eligibility/facts.schema";
import { allRates } from "~/modules/eligibility/rules.server";
import { PATHWAYS, type PathwayId, type RuleSet } from "~/modules/eligibility/rules.schema";
import { enqueueEmails, type Email, type LinkTo } from "~/modules/notifications/outbox.server";
import { readSnapshot, snapshotAnswers } from "~/modules/staff/reevaluate";
import { alertSources, ruleAlertEmail } from "./rule-alert-email.server";
import { afterSide, ruleChange, storedSide, type RuleChange } from "./rule-change";

type Tx = Kysely<Database>;

/** The run a batch works on, with its rule set and everything a batch needs to stay the same across batches. */
export interface BatchContext {
  runId: string;
  rs: RuleSet;
  asOf: string;
  sets: Map<PathwayId, RuleSet[]>;
  link: LinkTo;
  size: number;
}

/** One alert to write; `email` goes out only if the alert row is new (the unique key decides, in the transaction). */
interface Pending {
  subject: string;
  userId: string | null;
  checkId: string | null;
  caseId: string | null;
  change: RuleChange & { after: ReturnType<typeof afterSide> };
  newCheck?: { id: string; lang: string; answers: Answers; consentId: string };
  email: { email: string; lang: string; path: string } | null;
}

export interface BatchOutcome {
  /** The last row's key (the new cursor), or null when the phase has no rows left. */
  last: string | null;
  examined: number;
  alerted: number;
}

const asJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** One page of consenting stored results after `cursor` (consent id order), with only this pathway's stored verdict. */
function checkPage(trx: Tx, ctx: BatchContext, cursor: string) {
  return sql<{
    consent_id: string;
    user_id: string;
    check_id: string;
    email: string;
    preferred_lang: string;
    answers: unknown;
    as_of: string | null;
    evaluation: unknown;
  }>`
    select c.id::text as consent_id, c.user_id, c.check_id, u.email, u.preferred_lang, ch.answers,
      ch.result->>'asOf' as as_of,
      (select jsonb_build_object('ruleSetVersion', e->'ruleSetVersion', 'outcome', e->'outcome', 'criteria',
          coalesce((select jsonb_agg(jsonb_build_object('id', x->'id', 'labelKey', x->'labelKey',
                                                        'status', x->'status'))
                    from jsonb_array_elements(e->'criteria') x), '[]'::jsonb))
        from jsonb_array_elements(ch.result->'evaluations') e
        where e->>'pathway' = ${ctx.rs.pathway} limit 1) as evaluation
    from rule_alert_consents c
    join eligibility_checks ch on ch.id = c.check_id
    join users u on u.id = c.user_id
    where c.id > ${cursor}::bigint and c.withdrawn_at is null and u.deleted_at is null and ch.completed_at is not null
    order by c.id
    limit ${ctx.size}`.execute(trx);
}

/** Consenting stored results: re-evaluated; a change makes a new result (the consent follows it) and an alert. */
export async function checksBatch(trx: Tx, ctx: BatchContext, cursor: string): Promise<BatchOutcome> {
  const { rows } = await checkPage(trx, ctx, cursor);
  const rates = allRates();
  const pending: Pending[] = [];
  for (const row of rows) {
    const then = storedSide(asJson(row.evaluation), row.as_of);
    if (!then || then.version === ctx.rs.version) continue;
    const answers = asJson(row.answers) as Answers;
    const fresh = evaluate(ctx.rs, answers, ctx.asOf, rates);
    const change = ruleChange(then, fresh, ctx.asOf);
    if (!change) continue;
    const newId = randomBytes(16).toString("base64url");
    pending.push({
      subject: `check:${row.check_id}`,
      userId: row.user_id,
      checkId: row.check_id,
      caseId: null,
      change: { ...change, after: afterSide(fresh) },
      newCheck: { id: newId, lang: row.preferred_lang, answers, consentId: row.consent_id },
      email: { email: row.email, lang: row.preferred_lang, path: `/eligibility/results/${newId}` },
    });
  }
  const alerted = await writeAlerts(trx, ctx, pending);
  return { last: rows.at(-1)?.consent_id ?? null, examined: rows.length, alerted };
}

/** One page of the pathway's open applications after `cursor` (case id order), with the last alert's verdict if any. */
function casePage(trx: Tx, ctx: BatchContext, cursor: string) {
  return sql<{
    id: string;
    reference: string;
    applicant_id: string | null;
    lang: string;
    snapshot: unknown;
    rules_version: string | null;
    email: string | null;
    preferred_lang: string | null;
    deleted: boolean;
    consented: boolean;
    last_after: unknown;
  }>`
    select cases.id::text as id, cases.reference, cases.applicant_id, cases.lang,
      cases.eligibility_snapshot as snapshot, cases.rules_version,
      u.email, u.preferred_lang, u.deleted_at is not null as deleted,
      exists (select 1 from rule_alert_consents k where k.case_id = cases.id and k.withdrawn_at is null) as consented,
      (select a.change->'after' from rule_alerts a where a.case_id = cases.id order by a.id desc limit 1) as last_after
    from cases left join users u on u.id = cases.applicant_id
    where cases.id > ${cursor}::uuid and cases.pathway = ${ctx.rs.pathway}
      and cases.kind = 'application' and cases.status <> 'closed'
    order by cases.id
    limit ${ctx.size}`.execute(trx);
}

/** Open applications: always an alert on the case (the consultant's flag); an e-mail if the applicant consented. */
export async function casesBatch(trx: Tx, ctx: BatchContext, cursor: string): Promise<BatchOutcome> {
  const { rows } = await casePage(trx, ctx, cursor);
  const rates = allRates();
  const pending: Pending[] = [];
  for (const row of rows) {
    const snapshot = asJson(row.snapshot);
    const answers = snapshotAnswers(snapshot);
    const then = row.last_after ? storedSide(asJson(row.last_after), null) : readSnapshot(snapshot, row.rules_version);
    if (!answers || !then || then.version === ctx.rs.version) continue;
    const fresh = evaluate(ctx.rs, answers as Answers, ctx.asOf, rates);
    const change = ruleChange(then, fresh, ctx.asOf);
    if (!change) continue;
    const mail = row.consented && row.email && !row.deleted;
    pending.push({
      subject: `case:${row.id}`,
      userId: row.applicant_id,
      checkId: null,
      caseId: row.id,
      change: { ...change, after: afterSide(fresh) },
      email: mail
        ? { email: row.email!, lang: row.preferred_lang ?? row.lang, path: `/account/cases/${row.reference}` }
        : null,
    });
  }
  const alerted = await writeAlerts(trx, ctx, pending);
  return { last: rows.at(-1)?.id ?? null, examined: rows.length, alerted };
}

/** Inserts the alerts (a subject already alerted for this rule set is skipped), then the new results and e-mails. */
async function writeAlerts(trx: Tx, ctx: BatchContext, pending: Pending[]): Promise<number> {
  if (pending.length === 0) return 0;
  const inserted = await trx
    .insertInto("rule_alerts")
    .values(
      pending.map((p) => ({
        run_id: ctx.runId,
        subject: p.subject,
        rule_set_version: ctx.rs.version,
        pathway: ctx.rs.pathway,
        effective_from: ctx.rs.effectiveFrom,
        user_id: p.userId,
        check_id: p.checkId,
        new_check_id: p.newCheck?.id ?? null,
        case_id: p.caseId,
        emailed: p.email !== null,
        change: JSON.stringify(p.change),
      }))
    )
    .onConflict((oc) => oc.columns(["subject", "rule_set_version"]).doNothing())
    .returning("subject")
    .execute();
  const fresh = new Set(inserted.map((r) => r.subject));
  const written = pending.filter((p) => fresh.has(p.subject));
  await writeNewResults(
    trx,
    ctx,
    written.flatMap((p) => (p.newCheck ? [p.newCheck] : []))
  );
  const emails: Email[] = [];
  for (const p of written) {
    if (!p.email || !p.userId) continue;
    const url = ctx.link(p.email.lang, p.email.path);
    const args = {
      pathway: ctx.rs.pathway,
      effectiveFrom: ctx.rs.effectiveFrom,
      change: p.change,
      sourceIds: alertSources(p.change, ctx.rs),
      url,
    };
    emails.push(await ruleAlertEmail({ email: p.email.email, userId: p.userId, lang: p.email.lang }, args));
  }
  await enqueueEmails(trx, emails);
  return written.length;
}

/** The new results (same answers, today's rules for every pathway); each consent moves to its new result. */
async function writeNewResults(trx: Tx, ctx: BatchContext, checks: NonNullable<Pending["newCheck"]>[]): Promise<void> {
  if (checks.length === 0) return;
  await trx
    .insertInto("eligibility_checks")
    .values(
      checks.map((c) => ({
        id: c.id,
        lang: c.lang,
        as_of: null,
        answers: JSON.stringify(c.answers),
        result: JSON.stringify(evaluateAll(c.answers, ctx.asOf, PATHWAYS, ctx.sets)),
        completed_at: sql<Date>`now()`,
      }))
    )
    .execute();
  await sql`update rule_alert_consents as k set check_id = x.new_id, updated_at = now()
    from unnest(${checks.map((c) => c.consentId)}::bigint[], ${checks.map(
    (c) => c.id
  )}::text[]) as x(consent_id, new_id)
    where k.id = x.consent_id`.execute(trx);
}
