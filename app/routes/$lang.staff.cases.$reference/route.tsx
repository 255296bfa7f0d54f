import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LiveStatus } from "~/components/forms";
import { ApplicantAnswers } from "~/components/staff/applicant-answers";
import { AssignForm, DetailsForm, MessageForm, StatusForm } from "~/components/staff/case-forms";
import { Conversation } from "~/components/staff/conversation";
import { EligibilityCompare } from "~/components/staff/eligibility-compare";
import { notFound } from "~/lib/http/responses";
import { formatNumber } from "~/lib/i18n/format";
import { countryName } from "~/lib/i18n/countries";
import type { Lang } from "~/lib/i18n/config";
import { pageMeta } from "~/lib/meta";
import { newSubmissionToken } from "~/modules/cases/cases.server";
import { linkFor } from "~/modules/notifications/outbox.server";
import { changeCase } from "~/modules/staff/case-commands.server";
import { addCaseMessage } from "~/modules/staff/case-messages.server";
import { markCaseAlertsSeen } from "~/modules/alerts/alerts.server";
import { checkAnswers, findCaseForStaff, listCannedReplies, viewCase } from "~/modules/staff/case-view.server";
import { CaseActionSchema } from "~/modules/staff/case.schema";
import { langName } from "~/modules/staff/case-words";
import { reevaluateCase } from "~/modules/staff/reevaluate.server";
import { listStaff } from "~/modules/staff/staff-auth.server";
import { officeIds, staffAction, staffLoader } from "~/modules/staff/staff-page.server";
import { CaseSummary } from "./summary";

export const handle = { i18n: ["staff", "eligibility", "cases"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t, actor } = await staffLoader(args);
  const view = await viewCase(db, actor, String(args.params.reference));
  if (!view) throw notFound();
  const replyLang = view.case.lang;
  const [staff, offices, canned] = await Promise.all([listStaff(db), officeIds(), listCannedReplies(db, replyLang)]);
  const cannedId = new URL(args.request.url).searchParams.get("canned");
  const prefill = canned.find((c) => c.id === cannedId)?.body ?? "";
  const seen = view.events.at(-1)?.id ?? "0";
  const { details, eligibility_snapshot, search_text, ...summary } = view.case;
  void search_text;
  const eligibility = reevaluateCase({
    pathway: view.case.pathway,
    eligibility_snapshot,
    rules_version: view.case.rules_version,
  });
  if (!view.case.assignee_id || view.case.assignee_id === user.id) await markCaseAlertsSeen(db, view.case.id);
  return {
    meta: { title: t("case.title", { reference: view.case.reference }) },
    lang,
    role: user.role,
    c: { ...summary, nationality: summary.nationality && countryName(lang, summary.nationality) },
    // Country names are computed here, never in the component (Chromium and Node name some countries differently).
    details: withCountryName(details, lang),
    eligibility,
    answers: checkAnswers(eligibility_snapshot),
    satisfaction: view.satisfaction,
    events: view.events,
    documents: view.documents,
    staff,
    offices,
    replyLang,
    canned,
    prefill,
    seen,
    token: newSubmissionToken(),
    now: new Date().toISOString(),
  };
}

const STATUS_OF = { conflict: 409, "not-found": 404 } as const;

export async function action(args: ActionFunctionArgs) {
  const { lang, db, actor, formData } = await staffAction(args);
  const found = await findCaseForStaff(db, String(args.params.reference));
  if (!found) throw notFound();
  const intent = String(formData.get("intent") ?? "");
  const submission = parseWithZod(formData, { schema: CaseActionSchema });
  if (submission.status !== "success")
    return json({ intent, result: submission.reply(), changes: [] }, { status: 400 });
  const input = submission.value;
  const link = linkFor();
  const outcome =
    "body" in input
      ? await addCaseMessage(db, actor, found.id, input, link)
      : await changeCase(db, actor, found.id, input, await officeIds(), link);
  if (outcome.ok) return redirect(`/${lang}/staff/cases/${found.reference}?done=${input.intent}`, 303);
  if (outcome.reason === "not-found") throw notFound();
  const changes = outcome.reason === "conflict" ? outcome.changes : [];
  const result = submission.reply({ formErrors: [`staff:errors.${outcome.reason}`] });
  return json({ intent, result, changes }, { status: outcome.reason === "conflict" ? STATUS_OF.conflict : 400 });
}

const DONE = ["reply", "note", "status", "assign", "details"];

export default function StaffCase() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const [search] = useSearchParams();
  const done = search.get("done");
  const { lang, c } = data;
  const resultFor = (...intents: string[]) =>
    failed && intents.includes(failed.intent) ? (failed.result as SubmissionResult<string[]>) : undefined;
  const v = { version: c.version, seen: data.seen };
  return (
    <>
      <LiveStatus message={done && DONE.includes(done) && !failed ? t(`case.done.${done}`) : null} />
      {failed?.changes.length ? (
        <section className="conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("conflict.title")}</h2>
          <p>{t("conflict.body")}</p>
          <Conversation
            lang={lang}
            events={failed.changes.map((e) => ({ ...e, author_name: e.author, author_role: null }))}
          />
        </section>
      ) : null}
      <h1>
        {t("case.title", { reference: c.reference })}{" "}
        {c.vip ? <span className="tag tag-vip">{t("case.vip")}</span> : null}
      </h1>
      <CaseSummary lang={lang} c={c} replyLang={data.replyLang} now={data.now} />
      <ApplicantAnswers
        lang={lang}
        kind={c.kind}
        channel={c.contact_channel}
        details={data.details as Record<string, unknown>}
        answers={data.answers}
        satisfaction={data.satisfaction}
      />
      <section aria-labelledby="eligibility-title">
        <h2 id="eligibility-title">{t("case.eligibility")}</h2>
        <EligibilityCompare
          lang={lang}
          snapshot={data.eligibility.snapshot}
          reevaluation={data.eligibility.reevaluation}
        />
      </section>
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t("case.documents")}</h2>
        {data.documents.length ? (
          <ul>
            {data.documents.map((d) => (
              <li key={d.id}>
                <a href={`/${lang}/account/documents/${d.id}`} download>
                  {d.filename}
                </a>{" "}
                ({d.mime}, {formatNumber(lang, Math.ceil(d.size / 1024))} KB)
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("case.noDocuments")}</p>
        )}
      </section>
      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title">{t("case.conversation")}</h2>
        <Conversation lang={lang} events={data.events} />
      </section>
      {c.status !== "closed" ? (
        <MessageForm
          key={data.seen}
          langLabel={langName(data.replyLang)}
          prefill={data.prefill}
          canned={data.canned}
          token={data.token}
          lastResult={resultFor("reply", "note")}
        />
      ) : null}
      <div className="card-grid case-actions">
        <StatusForm key={`s${c.version}`} status={c.status} lastResult={resultFor("status")} {...v} />
        {c.status !== "closed" ? (
          <AssignForm
            key={`a${c.version}`}
            assignee={c.assignee_id}
            staff={data.staff}
            lastResult={resultFor("assign")}
            {...v}
          />
        ) : null}
        {c.status !== "closed" ? (
          <DetailsForm
            key={`d${c.version}`}
            office={c.office}
            vip={c.vip}
            due={c.due_at ? new Date(c.due_at).toISOString().slice(0, 10) : ""}
            offices={data.offices}
            lastResult={resultFor("details")}
            {...v}
          />
        ) : null}
      </div>
    </>
  );
}

function withCountryName(details: unknown, lang: Lang) {
  if (!details || typeof details !== "object" || Array.isArray(details)) return details;
  const d = details as Record<string, unknown>;
  return typeof d.nationality === "string" ? { ...d, nationality: countryName(lang, d.nationality) } : d;
}
