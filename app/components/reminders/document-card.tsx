import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import type { Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import type { DocumentKind } from "~/modules/reminders/document-kinds";

interface Point {
  id: string;
  effectiveFrom: string;
  sources: { id: string; url: string | null; publisher: string; title: string }[];
}

export interface DocumentCardData {
  id: string;
  kind: DocumentKind;
  holderName: string | null;
  expiresOn: string;
  remindersOffAt: string | null;
  reminders: {
    id: string;
    sourcePoint: string | null;
    dueOn: string;
    status: "pending" | "sent";
    sentAt: string | null;
  }[];
  points: Point[];
}

/** The cited source of a reminder point: publisher, title and the date the rule took effect. */
export function PointSource({ lang, point }: { lang: Lang; point: Point }) {
  const { t } = useTranslation("reminders");
  return (
    <span className="source-note">
      {t("list.sourceLabel")}:{" "}
      {point.sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? "; " : null}
          {s.url ? <a href={s.url} rel="noreferrer">{`${s.publisher}, ${s.title}`}</a> : `${s.publisher}, ${s.title}`}
        </span>
      ))}
      {", "}
      {t("list.since", { date: formatDate(lang, point.effectiveFrom) })}
    </span>
  );
}

function ReminderLine({
  lang,
  doc,
  r,
}: {
  lang: Lang;
  doc: DocumentCardData;
  r: DocumentCardData["reminders"][number];
}) {
  const { t } = useTranslation("reminders");
  const point = doc.points.find((p) => p.id === r.sourcePoint);
  const date = formatDate(lang, r.dueOn);
  const status = r.status === "sent" && r.sentAt ? t("list.sent", { date: formatDate(lang, r.sentAt) }) : t("list.due");
  return (
    <li>
      {point ? t("list.sourcePoint", { date, label: t(`points.${point.id}.label`) }) : t("list.ownPoint", { date })}{" "}
      <span className={r.status === "sent" ? "tag" : "muted"}>{status}</span>
      {point ? (
        <>
          <br />
          <PointSource lang={lang} point={point} />
        </>
      ) : null}
    </li>
  );
}

/** One recorded document: its expiry, reminders (with sources), calendar file, change and delete. */
export function DocumentCard({ lang, doc, label }: { lang: Lang; doc: DocumentCardData; label: string }) {
  const { t } = useTranslation("reminders");
  return (
    <li className="card">
      <h2 className="card-title">{label}</h2>
      <p>{t("list.expires", { date: formatDate(lang, doc.expiresOn) })}</p>
      <p className="muted">
        {doc.holderName ? t("list.holderFamily", { name: doc.holderName }) : t("list.holderSelf")}
      </p>
      {doc.remindersOffAt ? (
        <div className="notice">
          <p>{t("list.off", { date: formatDate(lang, doc.remindersOffAt) })}</p>
          <Form method="post" action={`/${lang}/account/reminders/${doc.id}`}>
            <CsrfInput />
            <button type="submit" name="intent" value="resume" className="secondary">
              {t("list.resume", { document: label })}
            </button>
          </Form>
        </div>
      ) : null}
      <h3>{t("list.reminders")}</h3>
      {doc.points.length === 0 ? <p className="muted">{t("list.noSourcePoints")}</p> : null}
      {doc.reminders.length === 0 ? <p>{t("list.noReminders")}</p> : null}
      <ul>
        {doc.reminders.map((r) => (
          <ReminderLine key={r.id} lang={lang} doc={doc} r={r} />
        ))}
      </ul>
      <p>
        <a href={`/${lang}/account/reminders/${doc.id}/calendar`} download>
          {t("list.calendar", { document: label })}
        </a>
      </p>
      <div className="button-row">
        <Link className="button button-secondary" to={`/${lang}/account/reminders/${doc.id}`}>
          {t("list.change", { document: label })}
        </Link>
        <Form method="post" action={`/${lang}/account/reminders/${doc.id}`}>
          <CsrfInput />
          <button type="submit" name="intent" value="delete" className="warning">
            {t("list.delete", { document: label })}
          </button>
        </Form>
      </div>
    </li>
  );
}
