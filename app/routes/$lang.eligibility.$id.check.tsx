import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { completeCheck } from "~/modules/eligibility/checks.server";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import { formatValue } from "~/modules/eligibility/format-value";
import { pathAnswers, requireDraft } from "~/modules/eligibility/wizard.server";
import { resultsPath, wizardPath } from "~/modules/eligibility/paths";

export const handle = { i18n: ["eligibility"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const draft = await requireDraft(request, params.lang, params.id);
  if (draft.plan.next) throw redirect(wizardPath(params.lang, draft.row.id, draft.plan.next), 303);
  const t = await getFixedT(params.lang, "eligibility");
  const rows = draft.plan.path.map((fact) => ({ fact, value: draft.answers[fact] }));
  return { id: draft.row.id, asOf: draft.asOf, rows, meta: { title: t("meta.check") } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const formData = await request.formData();
  requireCsrf(request, formData);
  const draft = await requireDraft(request, params.lang, params.id);
  if (draft.plan.next) return redirect(wizardPath(params.lang, draft.row.id, draft.plan.next), 303);
  const answers = pathAnswers(draft.answers, draft.plan.path);
  await completeCheck(draft.db, { id: draft.row.id, answers, result: evaluateAll(answers, draft.asOf) });
  return redirect(resultsPath(params.lang, draft.row.id), 303);
}

export default function CheckAnswers() {
  const { id, asOf, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const last = rows[rows.length - 1]?.fact;
  return (
    <>
      <Link to={last ? wizardPath(lang, id, last) : `/${lang}/eligibility`} className="back-link">
        {t("wizard.back")}
      </Link>
      <h1>{t("check.title")}</h1>
      <p className="lead">{t("check.lead")}</p>
      <p className="muted">{t("check.asOf", { date: formatDate(lang, asOf) })}</p>
      {rows.length === 0 ? <p>{t("check.noAnswers")}</p> : null}
      <dl className="answers-list">
        {rows.map((r) => (
          <div key={r.fact} className="answers-row">
            <dt>{t(`facts.${r.fact}.label`)}</dt>
            <dd>{formatValue(t, lang, r.fact, r.value)}</dd>
            <dd className="answers-action">
              <Link to={`${wizardPath(lang, id, r.fact)}?change=1`}>
                {t("wizard.changeLabel")}
                <span className="visually-hidden">
                  {" "}
                  {t("wizard.changeHidden", { question: t(`facts.${r.fact}.label`) })}
                </span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <Form method="post">
        <CsrfInput />
        <button type="submit">{t("check.submit")}</button>
      </Form>
    </>
  );
}
