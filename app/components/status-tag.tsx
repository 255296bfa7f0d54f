import { useTranslation } from "react-i18next";
import { applicantStatusKey, statusTone, type CaseStatus } from "~/modules/cases/case-status";

/** A case's status in the applicant's words. */
export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation("cases");
  const tone = statusTone(status);
  return <strong className={`tag${tone === "neutral" ? "" : ` tag-${tone}`}`}>{t(applicantStatusKey(status))}</strong>;
}
