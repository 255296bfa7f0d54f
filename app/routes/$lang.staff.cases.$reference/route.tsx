import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { AssignForm, DetailsForm, MessageForm, StatusForm } from "~/components/staff/case-forms";
import { Conversation } from "~/components/staff/conversation";
import { EligibilityCompare } from "~/components/staff/eligibility-compare";
import { StaffNav } from "~/components/staff/staff-nav";
import { TimeLeft } from "~/components/staff/time-left";
import { notFound } from "~/lib/http/responses";
import { formatDate, formatDateTime, formatNumber } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/meta";
import { linkFor } from "~/modules/notifications/outbox.server";
import { changeCase } from "~/modules/staff/case-commands.server";
import { addCaseMessage } from "~/modules/staff/case-messages.server";
import { findCaseForStaff, listCannedReplies, viewCase } from "~/modules/staff/case-view.server";
import { CaseActionSchema } from "~/modules/staff/case.schema";
import { caseAbout, langName } from "~/modules/staff/case-words";
import { reevaluateCase } from "~/modules/staff/reevaluate.server";
import { listStaff } from "~/modules/staff/staff-auth.server";
import { officeIds, staffAction, staffLoader } from "~/modules/staff/staff-page.server";

export const handle = { i18n: ["staff", "eligibility"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t, actor } = await staffLoader(args);
  const view = await viewCase(db, actor, String(args.params.reference));
  if (!view) throw notFound();
  const replyLang = view.case.applicant_lang ?? view.case.lang;
  const [staff, offices, canned] = await Promise.all([listStaff(db), officeIds(), listCannedReplies(db, replyLang)]);
  const cannedId = new URL(args.request.url).searchParams.get("canned");
  const prefill = canned.find((c) => c.id === cannedId)?.body ?? "";
  const seen = view.events.at(-1)?.id ?? "0";
  const { details, eligibility_snapshot, search_text, ...summary } = view.case;
  void details; void search_text;
  return {
    meta: { title: t("case.title", { reference: view.case.reference }) },
    lang, role: user.role, c: summary, eligibility: reevaluateCase({ pathway: view.case.pathway, eligibility_snapshot, rules_version: view.case.rules_version }),
    events: view.events, documents: view.documents, staff, offices, replyLang, canned, prefill, seen, now: new Date().toISOString(),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { lang, db, actor, formData } = await staffAction(args);
  const found = await findCaseForStaff(db, String(args.params.reference));
  if (!found) throw notFound();
  const parsed = CaseActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return json({ errors: [...new Set(parsed.error.issues.map((i) => i.message))], changes: [] }, { status: 400 });
  const input = parsed.data;
  const outcome =
    "body" in input
      ? await addCaseMessage(db, actor, found.id, input, linkFor())
      : await changeCase(db, actor, found.id, input, await officeIds());
  if (outcome.ok) return redirect(`/${lang}/staff/cases/${found.reference}`, 303);
  if (outcome.reason === "not-found") throw notFound();
  const changes = outcome.reason === "conflict" ? outcome.changes : [];
  return json({ errors: [`staff:errors.${outcome.reason}`], changes }, { status: outcome.reason === "conflict" ? 409 : 400 });
}

export default function StaffCase() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const { lang, c } = data;
  const v = { version: c.version, seen: data.seen };
  const errors = (failed?.errors ?? []).map((key) => ({ fieldId: "case-summary", messageKey: key.includes(":") ? key : `staff:errors.invalid` }));
  return (
    <>
      <StaffNav lang={lang} role={data.role} />
      <ErrorSummary errors={errors} />
      {failed?.changes.length ? (
        <section className="conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("conflict.title")}</h2>
          <p>{t("conflict.body")}</p>
          <Conversation lang={lang} events={failed.changes.map((e) => ({ ...e, author_name: e.author, author_role: null }))} />
        </section>
      ) : null}
      <h1>{t("case.title", { reference: c.reference })} {c.vip ? <span className="tag tag-vip">{t("case.vip")}</span> : null}</h1>
      <dl className="summary" id="case-summary" tabIndex={-1}>
        <dt>{t("inbox.applicant")}</dt><dd>{c.applicant_name ?? "—"} {c.applicant_email ? `<${c.applicant_email}>` : ""}</dd>
        <dt>{t("filters.lang")}</dt><dd>{langName(data.replyLang)}</dd>
        <dt>{t("filters.nationality")}</dt><dd>{c.nationality ?? "—"}</dd>
        <dt>{t("filters.kind")}</dt><dd>{t(`kind.${c.kind}`)} · {caseAbout(t, c)}</dd>
        <dt>{t("filters.status")}</dt><dd>{t(`status.${c.status}`)}</dd>
        <dt>{t("filters.assignee")}</dt><dd>{c.assignee_name ?? t("filters.nobody")}</dd>
        <dt>{t("filters.office")}</dt><dd>{c.office ? t(`office.${c.office}`) : "—"}</dd>
        <dt>{t("case.opened")}</dt><dd>{formatDateTime(lang, c.created_at)}</dd>
        <dt>{t("case.responseTarget")}</dt><dd><TimeLeft lang={lang} now={data.now} due={c.response_due_at} /></dd>
        <dt>{t("case.dueDate")}</dt><dd>{c.due_at ? formatDate(lang, c.due_at) : "—"}</dd>
      </dl>
      <section aria-labelledby="eligibility-title">
        <h2 id="eligibility-title">{t("case.eligibility")}</h2>
        <EligibilityCompare lang={lang} snapshot={data.eligibility.snapshot} reevaluation={data.eligibility.reevaluation} />
      </section>
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t("case.documents")}</h2>
        {data.documents.length ? (
          <ul>{data.documents.map((d) => <li key={d.id}><a href={`/${lang}/account/documents/${d.id}`} download>{d.filename}</a> ({d.mime}, {formatNumber(lang, Math.ceil(d.size / 1024))} KB)</li>)}</ul>
        ) : <p>{t("case.noDocuments")}</p>}
      </section>
      <section aria-labelledby="conversation-title">
        <h2 id="conversation-title">{t("case.conversation")}</h2>
        <Conversation lang={lang} events={data.events} />
      </section>
      {c.status !== "closed" ? <MessageForm langLabel={langName(data.replyLang)} prefill={data.prefill} canned={data.canned} /> : null}
      <div className="card-grid case-actions">
        <StatusForm status={c.status} {...v} />
        {c.status !== "closed" ? <AssignForm assignee={c.assignee_id} staff={data.staff} {...v} /> : null}
        {c.status !== "closed" ? <DetailsForm office={c.office} vip={c.vip} due={c.due_at ? new Date(c.due_at).toISOString().slice(0, 10) : ""} offices={data.offices} {...v} /> : null}
      </div>
    </>
  );
}
