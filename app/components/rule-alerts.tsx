import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import type { Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import type { AlertView } from "~/modules/alerts/rule-change";

/** The lines of one alert: the outcome then and now, and each criterion (gap) that changed. */
function ChangeLines({ change }: { change: AlertView["change"] }) {
  const { t } = useTranslation("eligibility");
  const outcome = (o: string | null) => (o ? t(`outcomes.${o}`) : t("ruleChange.none"));
  const status = (s: string | null) => (s ? t(`statuses.${s}`) : t("ruleChange.none"));
  return (
    <ul>
      {change.then !== change.now ? (
        <li>{t("ruleChange.outcome", { then: outcome(change.then), now: outcome(change.now) })}</li>
      ) : null}
      {change.criteria.map((c) => (
        <li key={c.id}>
          {t("ruleChange.criterion", {
            label: c.labelKey ? t(c.labelKey) : c.id,
            then: status(c.then),
            now: status(c.now),
          })}
        </li>
      ))}
    </ul>
  );
}

/** Rule changes that affected a person's results or applications, newest first, each with its source ids' links. */
export function RuleAlertList({
  lang,
  alerts,
  sources,
}: {
  lang: Lang;
  alerts: AlertView[];
  sources: Record<string, { title: string; url: string | null }>;
}) {
  const { t } = useTranslation("eligibility");
  return (
    <ul className="rule-alerts">
      {alerts.map((a) => (
        <li key={a.id} className="card">
          <p>
            <strong>
              {t("ruleChange.item", {
                pathway: t(`common:pathways.${a.pathway}`),
                date: formatDate(lang, a.effectiveFrom),
              })}
            </strong>
            {a.caseReference ? <> · {t("cases:alerts.forCase", { reference: a.caseReference })}</> : null}
          </p>
          <ChangeLines change={a.change} />
          {a.change.sources.length ? (
            <p>
              {t("ruleChange.source")}{" "}
              {a.change.sources.map((id) =>
                sources[id]?.url ? (
                  <a key={id} href={sources[id]!.url!}>
                    {sources[id]!.title}
                  </a>
                ) : (
                  <span key={id}>{sources[id]?.title ?? id}</span>
                )
              )}
            </p>
          ) : null}
          {a.newCheckId ? (
            <Link to={`/${lang}/eligibility/results/${a.newCheckId}`}>{t("ruleChange.viewNew")}</Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The consent box (results and applications): off by default, withdrawn by unticking and saving. */
export function RuleAlertConsentForm(props: {
  lang: Lang;
  label: string;
  save: string;
  givenAt: string | null;
  givenKey: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation();
  const { form, fields, errors } = usePageForm<{ consent: string }>(props.lastResult, {
    consent: props.givenAt ? "on" : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <input type="hidden" name="intent" value="rule-alerts" />
      <CheckboxField field={fields.consent} label={props.label} value="on" />
      {props.givenAt ? (
        <p className="hint">{t(props.givenKey, { date: formatDate(props.lang, props.givenAt) })}</p>
      ) : null}
      <button type="submit" className="secondary">
        {props.save}
      </button>
    </Form>
  );
}
