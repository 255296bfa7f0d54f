import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/session.server";
import { caseRuleAlerts } from "~/modules/alerts/alerts.server";
import {
  acceptsReplies,
  canAnswerSatisfaction,
  consultantWaiting,
  stepOf,
  type TimelineStep,
} from "~/modules/cases/case-status";
import { getApplicantCase, markCaseRead, newSubmissionToken } from "~/modules/cases/cases.server";
import { pathwayInfo } from "~/modules/cases/pathway-content.server";
import { caseAction } from "./actions.server";
import { Conversation } from "./conversation";
import { DocumentsSection } from "~/components/documents-section";
import { LiveStatus } from "~/components/forms";
import { ReplyForm, SatisfactionForm } from "./forms";
import { GovernmentStages } from "./guidance";
import { CaseRuleAlerts } from "./rule-alerts";
import { StatusCard } from "./timeline";

export const handle = { i18n: ["cases", "eligibility"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const db = await getDb();
  const found = await getApplicantCase(db, user.id, params.reference ?? "");
  if (!found) throw notFound();
  const lastEvent = found.events.at(-1);
  if (lastEvent) await markCaseRead(db, found.id, user.id, lastEvent.id);
  const reached: Partial<Record<TimelineStep, string>> = {};
  for (const e of found.events) {
    const to = (e.data as { to?: string }).to;
    if (e.kind === "status" && to) reached[stepOf(to as never)] ??= e.created_at.toISOString();
  }
  const t = await getFixedT(params.lang, "cases");
  return {
    c: {
      reference: found.reference,
      kind: found.kind,
      pathway: found.pathway,
      status: found.status,
      createdAt: found.created_at.toISOString(),
    },
    events: found.events.map((e) => ({ ...e, created_at: e.created_at.toISOString() })),
    documents: found.documents.map((d) => ({
      id: d.id,
      filename: d.filename,
      case_event_id: d.case_event_id === null ? null : String(d.case_event_id),
      checklist_item: d.checklist_item,
    })),
    satisfaction: found.satisfaction,
    waiting: consultantWaiting(found.events),
    token: newSubmissionToken(),
    reached,
    info: pathwayInfo(found.pathway) ?? null,
    ruleAlerts: found.kind === "application" ? await caseRuleAlerts(db, found.id) : null,
    meta: { title: t("case.title", { reference: found.reference }) },
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  return caseAction(request, user, params.lang, params.reference ?? "");
}

const DONE = ["opened", "reply", "upload", "satisfaction", "rule-alerts"];

export default function CasePage() {
  const { c, events, documents, satisfaction, reached, info, waiting, token, ruleAlerts } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    | { intent: string; result: SubmissionResult<string[]> }
    | undefined;
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const { t } = useTranslation("cases");
  const lang = useLang();
  const [search] = useSearchParams();
  const done = search.get("opened") ? "opened" : search.get("done");
  return (
    <>
      <p>
        <Link to={`/${lang}/account/cases`} className="back-link">
          {t("case.back")}
        </Link>
      </p>
      <LiveStatus
        message={
          done && !actionData
            ? t(done === "rule-alerts" ? "alerts.saved" : `case.done.${DONE.includes(done) ? done : "reply"}`)
            : null
        }
      />
      <h1>{t("case.title", { reference: c.reference })}</h1>
      <p className="lead">
        {c.kind === "application" && c.pathway ? t(`common:pathways.${c.pathway}`) : t("kind.consultation")}
      </p>
      <StatusCard
        lang={lang}
        kind={c.kind}
        status={c.status}
        createdAt={c.createdAt}
        reached={reached}
        waiting={waiting}
      />
      {canAnswerSatisfaction(c.status) ? (
        <section aria-labelledby="satisfaction-title">
          <h2 id="satisfaction-title">{t("satisfaction.title")}</h2>
          {satisfaction ? (
            <p>{t("satisfaction.thanks")}</p>
          ) : (
            <SatisfactionForm lastResult={resultFor("satisfaction")} />
          )}
        </section>
      ) : null}
      {info ? <GovernmentStages lang={lang} info={info} /> : null}
      {c.kind === "application" ? (
        <DocumentsSection
          lang={lang}
          info={info}
          documents={documents}
          open={acceptsReplies(c.status)}
          lastResult={resultFor("upload")}
        />
      ) : null}
      {ruleAlerts ? <CaseRuleAlerts lang={lang} state={ruleAlerts} lastResult={resultFor("rule-alerts")} /> : null}
      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title">{t("conversation.title")}</h2>
        <Conversation lang={lang} events={events} attachments={documents} />
      </section>
      {acceptsReplies(c.status) ? (
        <ReplyForm key={events.at(-1)?.id} token={token} lastResult={resultFor("reply")} />
      ) : (
        <p>{t("reply.closed")}</p>
      )}
    </>
  );
}
