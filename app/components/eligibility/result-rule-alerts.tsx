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

/**
 * The consent box for a signed-in reader. An anonymous one is offered a sign-in link in the page's closing line
 * (`RuleAlertsOffer`): the result stays anonymous until a signed-in owner ticks the box, and the page stays short.
 */
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
  if (!state.signedIn) return null;
  return (
    <section id="rule-alerts" aria-labelledby="rule-alerts-title" className="card no-print">
      <h2 id="rule-alerts-title">{t("alerts.title")}</h2>
      <p>
        {t("alerts.intro")} {t("alerts.signInHelp")}
      </p>
      <LiveStatus message={search.get("alerts") === "saved" && !lastResult ? t("alerts.saved") : null} />
      <RuleAlertConsentForm
        lang={lang}
        label={t("alerts.consent")}
        save={t("alerts.save")}
        givenAt={state.givenAt}
        givenKey="eligibility:alerts.givenOn"
        lastResult={lastResult}
      />
    </section>
  );
}

/** The anonymous reader's offer: "E-mail me if a rule change affects this result", a link to sign in and come back. */
export function RuleAlertsOffer({ state }: { state: AlertState }) {
  const { t } = useTranslation("eligibility");
  if (state.signedIn) return null;
  return (
    <>
      {" "}
      <Link id="rule-alerts" to={state.signInHref}>
        {t("alerts.consent")}
      </Link>
    </>
  );
}
