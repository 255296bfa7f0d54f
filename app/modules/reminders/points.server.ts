import { z } from "zod";
import { readContentJson } from "~/modules/content/content.server";
import { allSources } from "~/modules/eligibility/rules.server";
import type { Source } from "~/modules/eligibility/rules.schema";
import { DOCUMENT_KINDS, type DocumentKind } from "./document-kinds";
import type { SourcePoint } from "./reminder-points";

const PointsFileSchema = z.object({
  note: z.string(),
  points: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      kind: z.enum(DOCUMENT_KINDS),
      monthsBeforeExpiry: z.number().int().min(1).max(24),
      sourceIds: z.array(z.string()).min(1),
      effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    })
  ),
});

/** The reminder points the reference gives, validated; every source id must exist in eligibility/sources.json. */
export function sourcePoints(): SourcePoint[] {
  const { points } = readContentJson("reminders/points.json", PointsFileSchema);
  const sources = allSources();
  const missing = points.flatMap((p) => p.sourceIds.filter((id) => !sources[id]));
  if (missing.length) throw new Error(`content/reminders/points.json cites unknown sources: ${missing.join(", ")}`);
  return points;
}

export interface PointForPage extends SourcePoint {
  sources: (Source & { id: string })[];
}

/** Every point with its sources resolved, for pages. */
export function sourcePointsForPage(): PointForPage[] {
  const sources = allSources();
  return sourcePoints().map((p) => ({ ...p, sources: p.sourceIds.map((id) => ({ id, ...sources[id]! })) }));
}

/** The points for a kind with their sources resolved; empty when the reference gives none. */
export function pointsForKind(kind: DocumentKind): PointForPage[] {
  return sourcePointsForPage().filter((p) => p.kind === kind);
}
