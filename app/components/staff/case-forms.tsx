import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextArea, TextField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { caseStatuses } from "~/modules/staff/inbox.schema";

type Result = SubmissionResult<string[]> | undefined;

interface Versioned {
  version: number;
  seen: string;
  lastResult: Result;
}

function Hidden({ intent, version, seen }: Omit<Versioned, "lastResult"> & { intent: string }) {
  return (
    <>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="seen" value={seen} />
    </>
  );
}

export function StatusForm({ status, lastResult, ...v }: Versioned & { status: string }) {
  const { t } = useTranslation("staff");
  const { form, fields, errors } = usePageForm<{ status: string; reason: string }>(lastResult, { status });
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <ErrorSummary errors={errors} />
      <h3>{t("case.changeStatus")}</h3>
      <Hidden intent="status" {...v} />
      <SelectField
        field={fields.status}
        label={t("filters.status")}
        options={caseStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <TextField field={fields.reason} label={t("case.reason")} />
      <button type="submit">{t("case.saveStatus")}</button>
    </Form>
  );
}

type Staff = { id: string; name: string | null }[];

export function AssignForm({
  assignee,
  staff,
  lastResult,
  ...v
}: Versioned & { assignee: string | null; staff: Staff }) {
  const { t } = useTranslation("staff");
  const { form, fields, errors } = usePageForm<{ assignee: string }>(lastResult, { assignee: assignee ?? "none" });
  const options = [
    { value: "none", label: t("filters.nobody") },
    ...staff.map((s) => ({ value: s.id, label: s.name ?? s.id })),
  ];
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <ErrorSummary errors={errors} />
      <h3>{t("case.assign")}</h3>
      <Hidden intent="assign" {...v} />
      <SelectField field={fields.assignee} label={t("filters.assignee")} options={options} />
      <button type="submit">{t("case.saveAssignee")}</button>
    </Form>
  );
}

type DetailsProps = Versioned & { office: string | null; vip: boolean; due: string; offices: string[] };

export function DetailsForm({ office, vip, due, offices, lastResult, ...v }: DetailsProps) {
  const { t } = useTranslation("staff");
  const { form, fields, errors } = usePageForm<{ office: string; vip: string; due: string }>(lastResult, {
    office: office ?? undefined,
    vip: vip ? "yes" : "no",
    due,
  });
  const yesNo = [
    { value: "no", label: t("case.no") },
    { value: "yes", label: t("case.yes") },
  ];
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <ErrorSummary errors={errors} />
      <h3>{t("case.details")}</h3>
      <Hidden intent="details" {...v} />
      <SelectField
        field={fields.office}
        label={t("filters.office")}
        placeholder={t("case.noOffice")}
        options={offices.map((o) => ({ value: o, label: t(`office.${o}`) }))}
      />
      <SelectField field={fields.vip} label={t("case.vip")} options={yesNo} />
      <TextField field={fields.due} label={t("case.dueDate")} type="date" width="short" />
      <button type="submit">{t("case.saveDetails")}</button>
    </Form>
  );
}

interface MessageProps {
  langLabel: string;
  prefill: string;
  canned: { id: string; title: string }[];
  token: string;
  lastResult: Result;
}

/** Reply or note; `langLabel` names the case's language, which the canned replies and the email use. */
export function MessageForm({ langLabel, prefill, canned, token, lastResult }: MessageProps) {
  const { t } = useTranslation("staff");
  const { form, fields, errors } = usePageForm<{ body: string }>(lastResult, { body: prefill || undefined });
  return (
    <section id="reply" aria-labelledby="write-title">
      <Form method="post" className="card message-form" {...getFormProps(form)}>
        <ErrorSummary errors={errors} />
        <h2 id="write-title">{t("case.write")}</h2>
        <CsrfInput />
        <input type="hidden" name="token" value={token} />
        {canned.length ? (
          <details>
            <summary>{t("case.canned", { lang: langLabel })}</summary>
            <ul>
              {canned.map((c) => (
                <li key={c.id}>
                  <Link to={`?canned=${c.id}#reply`} preventScrollReset>
                    {c.title}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <TextArea field={fields.body} label={t("case.message", { lang: langLabel })} rows={6} />
        <div className="button-row">
          <button type="submit" name="intent" value="reply">
            {t("case.sendReply")}
          </button>
          <button type="submit" name="intent" value="note" className="secondary">
            {t("case.addNote")}
          </button>
        </div>
      </Form>
    </section>
  );
}
