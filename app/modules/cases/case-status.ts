/** Every internal status, in workflow order (the database's check constraint lists the same). */
export const caseStatuses = [
  "received",
  "assigned",
  "in_review",
  "waiting_for_applicant",
  "ready_to_file",
  "filed",
  "decided",
  "closed",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export type CaseKind = "consultation" | "application" | "directory-correction";

/** The steps an applicant sees on the timeline; "waiting for you" is a pause inside review, not a step. */
const applicationSteps = ["received", "assigned", "in_review", "ready_to_file", "filed", "decided", "closed"] as const;
const consultationSteps = ["received", "assigned", "in_review", "closed"] as const;
export type TimelineStep = (typeof applicationSteps)[number];

export function timelineSteps(kind: CaseKind): readonly TimelineStep[] {
  return kind === "application" ? applicationSteps : consultationSteps;
}

/** The timeline step a status belongs to (waiting for the applicant stays on "in review"). */
export function stepOf(status: CaseStatus): TimelineStep {
  if (status === "waiting_for_applicant") return "in_review";
  return status;
}

/** The applicant-facing key for a status: words written for them, kept apart from the internal name. */
export function applicantStatusKey(status: CaseStatus): string {
  return `cases:status.${status}`;
}

/**
 * What the applicant should do next, as an i18n key. A consultant's message that the applicant has not answered yet
 * means the consultant waits for them, whatever the status says, so the box agrees with the conversation.
 */
export function nextStepKey(kind: CaseKind, status: CaseStatus, consultantWaiting = false): string {
  if (consultantWaiting && status !== "closed" && status !== "waiting_for_applicant") return "cases:next.replyWaiting";
  if (status === "received" || status === "assigned") return `cases:next.${status}`;
  if (status === "in_review" && kind === "consultation") return "cases:next.consultationReview";
  return `cases:next.${status}`;
}

/** The applicant may say whether we answered their question once the case is resolved. */
export function canAnswerSatisfaction(status: CaseStatus): boolean {
  return status === "decided" || status === "closed";
}

/** The applicant can still write to the consultant. */
export function acceptsReplies(status: CaseStatus): boolean {
  return status !== "closed";
}

/** Tag style for a status on the list and timeline. */
export function statusTone(status: CaseStatus): "ok" | "warn" | "neutral" {
  if (status === "waiting_for_applicant") return "warn";
  if (status === "decided" || status === "closed") return "ok";
  return "neutral";
}

/** True when the latest message on the case is a staff member's (the applicant has not answered it yet). */
export function consultantWaiting(events: readonly { kind: string; author_role: string | null }[]): boolean {
  const last = events.filter((e) => e.kind === "message").at(-1);
  return Boolean(last && (last.author_role === "consultant" || last.author_role === "supervisor"));
}
