import type { SubmissionResult } from "@conform-to/react";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, LiveStatus } from "~/components/forms";
import { RuleAlertConsentForm } from "~/components/rule-alerts";
import type { Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";

/** "The rules have changed since this result", with a form (works without JavaScript) to re-check the same answers. */
export function StaleRulesNotice({
  lang,
  asOf,
  stale,
}: {
  lang: Lang;
  asOf: string;
  stale: { pathway: string; effectiveFrom: string }[];
}) {
  const { t } = useTranslation("eligibility");
  return (
    <section className="notice" aria-labelledby="stale-rules">
      <h2 id="stale-rules">{t("stale.title")}</h2>
      <ul>
        {stale.map((s) => (
          <li key={s.pathway}>
            {t("ruleChange.item", {
              pathway: t(`common:pathways.${s.pathway}`),
              date: formatDate(lang, s.effectiveFrom),
            })}
          </li>
        ))}
      </ul>
      <p>{t("stale.help", { date: formatDate(lang, asOf) })}</p>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="recheck" />
        <button type="submit">{t("stale.recheck")}</button>
      </Form>
    </section>
  );
}

interface AlertState {
  signedIn: boolean;
  givenAt: string | null;
  signInHref: string;
}

/** The consent box for a signed-in reader; an anonymous one is offered to sign in (the result stays anonymous). */
export function ResultRuleAlerts({
  lang,
  state,
  lastResult,
}: {
  lang: Lang;
  state: AlertState;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("eligibility");
  const [search] = useSearchParams();
  return (
    <section id="rule-alerts" aria-labelledby="rule-alerts-title" className="card no-print">
      <h2 id="rule-alerts-title">{t("alerts.title")}</h2>
      <p>{t("alerts.intro")}</p>
      <LiveStatus message={search.get("alerts") === "saved" && !lastResult ? t("alerts.saved") : null} />
      {state.signedIn ? (
        <RuleAlertConsentForm
          lang={lang}
          label={t("alerts.consent")}
          save={t("alerts.save")}
          givenAt={state.givenAt}
          givenKey="eligibility:alerts.givenOn"
          lastResult={lastResult}
        />
      ) : (
        <>
          <p>{t("alerts.signInHelp")}</p>
          <p>
            <Link to={state.signInHref}>{t("alerts.signIn")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
