import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { StatusTag } from "~/components/status-tag";
import {
  nextStepKey,
  stepOf,
  timelineSteps,
  type CaseKind,
  type CaseStatus,
  type TimelineStep,
} from "~/modules/cases/case-status";

interface Props {
  lang: Lang;
  kind: CaseKind;
  status: CaseStatus;
  createdAt: string;
  /** When each step was reached, from the status events. */
  reached: Partial<Record<TimelineStep, string>>;
}

type CardProps = Props & { waiting: boolean };

/** The steps of the case, done / current / to come, with the date each was reached. */
export function Timeline({ lang, kind, status, createdAt, reached }: Props) {
  const { t } = useTranslation("cases");
  const steps = timelineSteps(kind);
  const current = steps.indexOf(stepOf(status));
  return (
    <ol className="timeline">
      {steps.map((step, i) => {
        const state = i < current ? "done" : i === current ? "current" : "upcoming";
        const date = step === "received" ? createdAt : reached[step];
        return (
          <li key={step} className={`timeline-${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="timeline-label">{t(`timeline.${step}`)}</span>
            <span className="visually-hidden"> ({t(`timeline.state.${state}`)})</span>
            {state !== "upcoming" && date ? <span className="muted"> {formatDate(lang, date, "medium")}</span> : null}
            {state === "current" && status === "waiting_for_applicant" ? (
              <strong className="tag tag-warn">{t("status.waiting_for_applicant")}</strong>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Where the case is, in the applicant's words, what happens next, and the timeline. */
export function StatusCard({ waiting, ...props }: CardProps) {
  const { t } = useTranslation("cases");
  return (
    <>
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t("case.status")}</h2>
        <p>
          <StatusTag status={props.status} />
        </p>
        <h3>{t("case.next")}</h3>
        <p>{t(nextStepKey(props.kind, props.status, waiting))}</p>
      </section>
      <h2>{t("case.timeline")}</h2>
      <Timeline {...props} />
    </>
  );
}
