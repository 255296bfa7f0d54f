import { useTranslation } from "react-i18next";
import type { JourneyReason } from "~/modules/accounts/journey";

/** One sentence saying why the user is on this page of the sign-in journey ("…to start your Gold Card application"). */
export function JourneyLead({ why, step = "signIn" }: { why: JourneyReason | null; step?: "signIn" | "continue" }) {
  const { t } = useTranslation("account");
  if (!why) return null;
  const pathway = why.key === "apply" ? t(`common:pathways.${why.pathway}`, { defaultValue: why.pathway }) : "";
  return <p className="lead journey-why">{t(`why.${step}.${why.key}`, { pathway })}</p>;
}
