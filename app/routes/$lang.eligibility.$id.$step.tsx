import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QuestionForm } from "~/components/eligibility/question-form";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { pageMeta } from "~/lib/meta";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { saveAnswer } from "~/modules/eligibility/checks.server";
import { parseAnswer, questionView, requireDraft } from "~/modules/eligibility/wizard.server";
import { resultsPath, wizardPath } from "~/modules/eligibility/paths";

export const handle = { i18n: ["eligibility"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const draft = await requireDraft(request, params.lang, params.id);
  const change = new URL(request.url).searchParams.has("change");
  const view = questionView(params.lang, draft, params.step, change);
  const t = await getFixedT(params.lang, "eligibility");
  return { ...view, meta: { title: `${t(`facts.${view.fact.id}.question`)} – ${t("meta.question")}` } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const formData = await request.formData();
  requireCsrf(request, formData);
  const draft = await requireDraft(request, params.lang, params.id);
  const change = new URL(request.url).searchParams.has("change");
  const { fact } = questionView(params.lang, draft, params.step, change);
  const parsed = parseAnswer(formData, fact);
  if (!parsed.ok) return json(parsed.reply, { status: 400 });
  const saved = await saveAnswer(draft.db, {
    id: draft.row.id,
    fact: fact.id,
    value: parsed.value,
    dependents: fact.dependents,
  });
  if (saved === "completed") return redirect(resultsPath(params.lang, draft.row.id), 303);
  const after = await requireDraft(request, params.lang, draft.row.id);
  return redirect(wizardPath(params.lang, draft.row.id, after.plan.next ?? "check"), 303);
}

export default function Question() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("eligibility");
  return (
    <>
      <Link to={data.back} className="back-link">
        {t("wizard.back")}
      </Link>
      <p className="progress">
        <span className="question-number">{t("wizard.questionNumber", { n: data.number })}</span> ·{" "}
        <span>{data.remaining ? t("wizard.remaining", { count: data.remaining }) : t("wizard.remaining_zero")}</span>
      </p>
      <QuestionForm
        key={data.fact.id}
        fact={data.fact}
        value={data.value}
        lastResult={lastResult}
        title={data.meta.title}
      />
    </>
  );
}
