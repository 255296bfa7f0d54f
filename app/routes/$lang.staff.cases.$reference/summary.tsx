import { useTranslation } from "react-i18next";
import { TimeLeft } from "~/components/staff/time-left";
import type { Lang } from "~/lib/i18n/config";
import { formatDate, formatDateTime } from "~/lib/i18n/format";
import { caseAbout, langName } from "~/modules/staff/case-words";

interface Props {
  lang: Lang;
  replyLang: string;
  now: string;
  c: {
    kind: string;
    pathway: string | null;
    subject: string | null;
    status: string;
    office: string | null;
    applicant_name: string | null;
    applicant_email: string | null;
    nationality: string | null;
    assignee_name: string | null;
    created_at: string;
    response_due_at: string | null;
    due_at: string | null;
  };
}

/** Who, what, where and when of a case, one label/value row each. */
export function CaseSummary({ lang, c, replyLang, now }: Props) {
  const { t } = useTranslation("staff");
  const rows: [string, React.ReactNode][] = [
    [
      t("inbox.applicant"),
      <>
        {c.applicant_name ?? "—"} {c.applicant_email ? `<${c.applicant_email}>` : ""}
      </>,
    ],
    [t("filters.lang"), langName(replyLang)],
    [t("filters.nationality"), c.nationality ?? "—"],
    [t("filters.kind"), `${t(`kind.${c.kind}`)} · ${caseAbout(t, c)}`],
    [t("filters.status"), t(`status.${c.status}`)],
    [t("filters.assignee"), c.assignee_name ?? t("filters.nobody")],
    [t("filters.office"), c.office ? t(`office.${c.office}`) : t("case.noOffice")],
    [t("case.opened"), formatDateTime(lang, c.created_at)],
    [t("case.responseTarget"), <TimeLeft key="due" lang={lang} now={now} due={c.response_due_at} />],
    [t("case.dueDate"), c.due_at ? formatDate(lang, c.due_at) : "—"],
  ];
  return (
    <dl className="summary" id="case-summary" tabIndex={-1}>
      {rows.map(([label, value]) => (
        <div className="answer-row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
