import { defaultLang, isLang, type Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { allSources } from "~/modules/eligibility/rules.server";
import type { RuleSet } from "~/modules/eligibility/rules.schema";
import type { Email } from "~/modules/notifications/outbox.server";
import type { RuleChange } from "./rule-change";

/** The sources an alert cites: those of the changed criteria, else every source the rule set's parameters cite. */
export function alertSources(change: RuleChange, rs: Pick<RuleSet, "parameters">): string[] {
  return change.sources.length ? change.sources : [...new Set(Object.values(rs.parameters).map((p) => p.source))];
}

/** The e-mail values of an alert, worded in the reader's language (the outbox renders subject and body). */
export async function ruleAlertPayload(
  langIn: string,
  a: { pathway: string; effectiveFrom: string; change: RuleChange; sourceIds: string[]; url: string }
) {
  const lang: Lang = isLang(langIn) ? langIn : defaultLang;
  const t = await getFixedT(lang, ["email", "eligibility", "common"]);
  const status = (s: string | null) => (s ? t(`eligibility:statuses.${s}`) : t("eligibility:ruleChange.none"));
  const outcome = (o: string | null) => (o ? t(`eligibility:outcomes.${o}`) : t("eligibility:ruleChange.none"));
  const { then, now, criteria } = a.change;
  const lines = [
    ...(then !== now ? [t("eligibility:ruleChange.outcome", { then: outcome(then), now: outcome(now) })] : []),
    ...criteria.map((c) =>
      t("eligibility:ruleChange.criterion", {
        label: c.labelKey ? t(c.labelKey) : c.id,
        then: status(c.then),
        now: status(c.now),
      })
    ),
  ];
  const sources = allSources();
  const cited = a.sourceIds.flatMap((id) =>
    sources[id]
      ? [`${sources[id].title} (${sources[id].publisher})${sources[id].url ? ` ${sources[id].url}` : ""}`]
      : []
  );
  return {
    pathway: t(`common:pathways.${a.pathway}`),
    since: formatDate(lang, a.effectiveFrom),
    changes: lines.map((l) => `- ${l}`).join("\n"),
    source: cited.join("\n"),
    url: a.url,
  };
}

/** The outbox row of an alert. */
export async function ruleAlertEmail(
  to: { email: string; userId: string; lang: string },
  a: Parameters<typeof ruleAlertPayload>[1]
): Promise<Email> {
  return {
    to: to.email,
    userId: to.userId,
    lang: isLang(to.lang) ? to.lang : defaultLang,
    template: "rule-change",
    payload: await ruleAlertPayload(to.lang, a),
  };
}
