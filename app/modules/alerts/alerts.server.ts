import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { todayInTaipei } from "~/lib/i18n/format";
import { completeCheck, createCheck, getCheck, answersOf } from "~/modules/eligibility/checks.server";
import { evaluateAll, type CheckResult } from "~/modules/eligibility/eligibility.server";
import { sourcesFor } from "~/modules/eligibility/present.server";
import { ruleSetFor } from "~/modules/eligibility/rules.server";
import { PATHWAYS, type PathwayId } from "~/modules/eligibility/rules.schema";
import { caseConsent } from "./consent.server";
import type { AlertView, RuleChange } from "./rule-change";

export type { AlertView };

type Db = Kysely<Database>;

function alertQuery(db: Db) {
  return db
    .selectFrom("rule_alerts")
    .leftJoin("cases", "cases.id", "rule_alerts.case_id")
    .select([
      "rule_alerts.id",
      "rule_alerts.pathway",
      "rule_alerts.effective_from",
      "rule_alerts.change",
      "rule_alerts.new_check_id",
      "cases.reference",
      "rule_alerts.created_at",
    ])
    .orderBy("rule_alerts.id", "desc")
    .limit(20);
}

const view = (r: Awaited<ReturnType<ReturnType<typeof alertQuery>["execute"]>>[number]): AlertView => ({
  id: String(r.id),
  pathway: r.pathway,
  effectiveFrom: r.effective_from,
  change: (typeof r.change === "string" ? JSON.parse(r.change) : r.change) as RuleChange,
  newCheckId: r.new_check_id,
  caseReference: r.reference,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The latest alerts of an account: its watched results and its applications. */
export async function listUserAlerts(db: Db, userId: string): Promise<AlertView[]> {
  return (await alertQuery(db).where("rule_alerts.user_id", "=", userId).execute()).map(view);
}

/** The alerts of one case. */
export async function listCaseAlerts(db: Db, caseId: string): Promise<AlertView[]> {
  return (await alertQuery(db).where("rule_alerts.case_id", "=", caseId).execute()).map(view);
}

/** The consultant opened the case: its rule-change flag leaves the inbox. */
export async function markCaseAlertsSeen(db: Db, caseId: string): Promise<void> {
  await db
    .updateTable("rule_alerts")
    .set({ staff_seen_at: sql<Date>`now()` })
    .where("case_id", "=", caseId)
    .where("staff_seen_at", "is", null)
    .execute();
}

/** The pathways of a stored result whose rules changed since: an enacted rule set in force today that it predates. */
export function staleRules(
  result: CheckResult,
  today: string = todayInTaipei()
): { pathway: PathwayId; effectiveFrom: string }[] {
  return result.evaluations.flatMap((e) => {
    const pathway = PATHWAYS.find((p) => p === e.pathway);
    const current = pathway ? ruleSetFor(pathway, today) : undefined;
    if (!pathway || !current || e.ruleSetVersion === "none" || current.version === e.ruleSetVersion) return [];
    if (current.status !== "in-force" && current.status !== "criteria-pending") return [];
    return current.effectiveFrom > result.asOf ? [{ pathway, effectiveFrom: current.effectiveFrom }] : [];
  });
}

/** A new result: a stored result's answers under today's rules; undefined for an unknown or unfinished id. */
export async function recheck(db: Db, checkId: string, lang: string): Promise<string | undefined> {
  const row = await getCheck(db, checkId);
  if (!row?.completed_at) return undefined;
  const answers = answersOf(row);
  const id = await createCheck(db, { lang, asOf: null });
  await completeCheck(db, { id, answers, result: evaluateAll(answers) });
  return id;
}

/** The sources the alerts cite, for their links. */
export function alertSourceLinks(alerts: AlertView[]): Record<string, { title: string; url: string | null }> {
  const all = sourcesFor(alerts.flatMap((a) => a.change.sources));
  return Object.fromEntries(Object.entries(all).map(([id, s]) => [id, { title: s.title, url: s.url }]));
}

/** A case page's rule-change section: the alerts so far, their sources and the consent. */
export async function caseRuleAlerts(db: Db, caseId: string) {
  const [alerts, consent] = await Promise.all([listCaseAlerts(db, caseId), caseConsent(db, caseId)]);
  return { alerts, sources: alertSourceLinks(alerts), givenAt: consent ? consent.givenAt.toISOString() : null };
}
export type CaseRuleAlerts = Awaited<ReturnType<typeof caseRuleAlerts>>;
