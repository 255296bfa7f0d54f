import type { DocumentKind } from "./document-kinds";
import { addDays, addMonths } from "./reminder-dates";

/** A reminder point the reference material gives (content/reminders/points.json). */
export interface SourcePoint {
  id: string;
  kind: DocumentKind;
  monthsBeforeExpiry: number;
  sourceIds: string[];
  effectiveFrom: string;
}

export interface PlannedReminder {
  /** Unique per document: the point and its due day. */
  key: string;
  sourcePoint: string | null;
  dueOn: string;
}

interface DocumentDates {
  kind: DocumentKind;
  expiresOn: string;
  remindDaysBefore: number | null;
  remindOn: string | null;
}

/**
 * Every reminder of a document: the reference's points for its kind that were in force on the reminder day, then the
 * person's own. Two points on one day stay two (a source point and the person's own say different things).
 */
export function planReminders(doc: DocumentDates, points: readonly SourcePoint[]): PlannedReminder[] {
  const planned: PlannedReminder[] = points
    .filter((p) => p.kind === doc.kind)
    .map((p) => ({ point: p, dueOn: addMonths(doc.expiresOn, -p.monthsBeforeExpiry) }))
    .filter(({ point, dueOn }) => dueOn >= point.effectiveFrom)
    .map(({ point, dueOn }) => ({ key: `source:${point.id}:${dueOn}`, sourcePoint: point.id, dueOn }));
  const own = [doc.remindDaysBefore ? addDays(doc.expiresOn, -doc.remindDaysBefore) : null, doc.remindOn];
  for (const dueOn of new Set(own.filter((d): d is string => Boolean(d))))
    planned.push({ key: `own:${dueOn}`, sourcePoint: null, dueOn });
  return planned;
}
