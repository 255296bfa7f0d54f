import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { RuleAlertConsentForm, RuleAlertList } from "~/components/rule-alerts";
import type { Lang } from "~/lib/i18n/config";
import type { CaseRuleAlerts as State } from "~/modules/alerts/alerts.server";

/** The application's rule changes so far and the box to be told of the next by e-mail. */
export function CaseRuleAlerts({
  lang,
  state,
  lastResult,
}: {
  lang: Lang;
  state: State;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("cases");
  return (
    <section id="rule-alerts" aria-labelledby="rule-alerts-title">
      <h2 id="rule-alerts-title">{t("alerts.title")}</h2>
      {state.alerts.length ? (
        <RuleAlertList lang={lang} alerts={state.alerts} sources={state.sources} />
      ) : (
        <p>{t("alerts.none")}</p>
      )}
      <RuleAlertConsentForm
        lang={lang}
        label={t("alerts.consent")}
        save={t("alerts.save")}
        givenAt={state.givenAt}
        givenKey="cases:alerts.givenOn"
        lastResult={lastResult}
      />
    </section>
  );
}
