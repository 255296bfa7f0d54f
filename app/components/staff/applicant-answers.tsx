import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatDate, formatDateTime } from "~/lib/i18n/format";
import { formatValue } from "~/modules/eligibility/format-value";
import { langName } from "~/modules/staff/case-words";

type Details = Record<string, unknown>;
type Row = [label: string, value: string];

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : "");

/** The form's answers as label/value rows, in the order the applicant gave them; empty answers are left out. */
function rowsOf(t: TFunction, kind: string, d: Details, channel: string | null): { own: Row[]; family: Row[] } {
  const pick = (rows: Row[]) => rows.filter(([, v]) => v !== "");
  if (kind === "consultation") {
    return {
      own: pick([
        [t("cases:consultation.question"), str(d.question)],
        [t("cases:consultation.channel"), channel ? t(`cases:channels.${channel}`) : ""],
        [t("cases:consultation.phone"), str(d.phone)],
      ]),
      family: [],
    };
  }
  const children = Array.isArray(d.children) ? (d.children as Details[]) : [];
  return {
    own: pick([
      [t("cases:application.fullName"), str(d.fullName)],
      [t("cases:application.nationality"), str(d.nationality)],
      [t("cases:application.passportNumber"), str(d.passportNumber)],
      [t("cases:application.dateOfBirth"), str(d.dateOfBirth)],
      [t("cases:application.phone"), str(d.phone)],
      [t("cases:application.preferredLang"), str(d.preferredLang) && langName(str(d.preferredLang))],
      [t("cases:consultation.office"), str(d.office) && t(`cases:offices.${str(d.office)}`)],
      [t("cases:application.field"), str(d.field) && t(`cases:goldCardFields.${str(d.field)}`)],
      [t("cases:application.qualification"), str(d.qualification)],
      [t("cases:application.employer"), str(d.employer)],
    ]),
    family: pick([
      [t("cases:application.spouseName"), str(d.spouseName)],
      ...children.map(
        (c, i): Row => [
          t("cases:application.childName", { n: i + 1 }),
          [str(c.name), str(c.age)].filter(Boolean).join(", "),
        ]
      ),
      [t("cases:application.parents"), str(d.parents)],
    ]),
  };
}

function Rows({ rows, id }: { rows: Row[]; id: string }) {
  return (
    <dl className="summary answers" id={id}>
      {rows.map(([label, value], i) => (
        <div className="answer-row" key={`${label}-${i}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface Props {
  lang: Lang;
  kind: string;
  channel: string | null;
  details: Details;
  answers: { fact: string; value?: unknown; unit?: string }[];
  satisfaction: { answer: string; created_at: string } | null;
}

/** Everything the applicant wrote: the question or the application, family, eligibility answers, satisfaction. */
export function ApplicantAnswers({ lang, kind, channel, details, answers, satisfaction }: Props) {
  const { t } = useTranslation("staff");
  const { own, family } = rowsOf(t, kind, details, channel);
  const dob = str(details.dateOfBirth);
  const ownRows = own.map(
    ([l, v]): Row => [
      l,
      l === t("cases:application.dateOfBirth") && /^\d{4}-\d{2}-\d{2}$/.test(dob) ? formatDate(lang, dob) : v,
    ]
  );
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{t(kind === "consultation" ? "case.question" : "case.application")}</h2>
      {ownRows.length ? <Rows rows={ownRows} id="applicant-answers" /> : <p>{t("case.noAnswers")}</p>}
      {kind === "application" ? (
        <>
          <h3>{t("case.family")}</h3>
          {family.length ? <Rows rows={family} id="family-answers" /> : <p>{t("case.noFamily")}</p>}
        </>
      ) : null}
      {answers.length ? (
        <>
          <h3>{t("case.checkAnswers")}</h3>
          <Rows
            rows={answers.map(
              (a): Row => [t(`eligibility:facts.${a.fact}.label`), formatValue(t, lang, a.fact, a.value, a.unit)]
            )}
            id="check-answers"
          />
        </>
      ) : null}
      {satisfaction ? (
        <>
          <h3>{t("case.satisfaction")}</h3>
          <p>
            {t(`cases:satisfaction.${satisfaction.answer}`)}{" "}
            <span className="muted">({formatDateTime(lang, satisfaction.created_at)})</span>
          </p>
        </>
      ) : null}
    </section>
  );
}
