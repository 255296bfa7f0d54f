import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import { caseStatuses } from "~/modules/staff/inbox.schema";

interface Versioned {
  version: number;
  seen: string;
}

function Hidden({ intent, version, seen }: Versioned & { intent: string }) {
  return (
    <>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="seen" value={seen} />
    </>
  );
}

export function StatusForm({ status, ...v }: Versioned & { status: string }) {
  const { t } = useTranslation("staff");
  return (
    <Form method="post" className="card">
      <h3>{t("case.changeStatus")}</h3>
      <Hidden intent="status" {...v} />
      <div className="field">
        <label htmlFor="status">{t("filters.status")}</label>
        <select id="status" name="status" defaultValue={status}>
          {caseStatuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="reason">{t("case.reason")}</label>
        <input id="reason" name="reason" />
      </div>
      <button type="submit">{t("case.saveStatus")}</button>
    </Form>
  );
}

export function AssignForm({ assignee, staff, ...v }: Versioned & { assignee: string | null; staff: { id: string; name: string | null }[] }) {
  const { t } = useTranslation("staff");
  return (
    <Form method="post" className="card">
      <h3>{t("case.assign")}</h3>
      <Hidden intent="assign" {...v} />
      <div className="field">
        <label htmlFor="assignee">{t("filters.assignee")}</label>
        <select id="assignee" name="assignee" defaultValue={assignee ?? "none"}>
          <option value="none">{t("filters.nobody")}</option>
          {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <button type="submit">{t("case.saveAssignee")}</button>
    </Form>
  );
}

export function DetailsForm({ office, vip, due, offices, ...v }: Versioned & { office: string | null; vip: boolean; due: string; offices: string[] }) {
  const { t } = useTranslation("staff");
  return (
    <Form method="post" className="card">
      <h3>{t("case.details")}</h3>
      <Hidden intent="details" {...v} />
      <div className="field">
        <label htmlFor="office">{t("filters.office")}</label>
        <select id="office" name="office" defaultValue={office ?? ""}>
          {offices.map((o) => <option key={o} value={o}>{t(`office.${o}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="vip">{t("case.vip")}</label>
        <select id="vip" name="vip" defaultValue={vip ? "yes" : "no"}>
          <option value="no">{t("case.no")}</option>
          <option value="yes">{t("case.yes")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="due">{t("case.dueDate")}</label>
        <input id="due" name="due" type="date" defaultValue={due} />
      </div>
      <button type="submit">{t("case.saveDetails")}</button>
    </Form>
  );
}

/** Reply or note; `langLabel` names the applicant's language, which the canned replies and the email use. */
export function MessageForm({ langLabel, prefill, canned }: { langLabel: string; prefill: string; canned: { id: string; title: string }[] }) {
  const { t } = useTranslation("staff");
  return (
    <Form method="post" className="card message-form" id="reply">
      <h2>{t("case.write")}</h2>
      <CsrfInput />
      {canned.length ? (
        <details>
          <summary>{t("case.canned", { lang: langLabel })}</summary>
          <ul>
            {canned.map((c) => <li key={c.id}><Link to={`?canned=${c.id}#reply`} preventScrollReset>{c.title}</Link></li>)}
          </ul>
        </details>
      ) : null}
      <div className="field">
        <label htmlFor="body">{t("case.message", { lang: langLabel })}</label>
        <textarea id="body" name="body" rows={6} defaultValue={prefill} key={prefill} />
      </div>
      <div className="button-row">
        <button type="submit" name="intent" value="reply">{t("case.sendReply")}</button>
        <button type="submit" name="intent" value="note" className="secondary">{t("case.addNote")}</button>
      </div>
    </Form>
  );
}
