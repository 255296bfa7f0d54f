import { useTranslation } from "react-i18next";

/** A citation line for the plan (National Development Council, September 2024). */
export function PlanSource() {
  const { t } = useTranslation();
  return (
    <p className="source-note">
      {t("source.label")}: {t("source.plan")}
    </p>
  );
}
