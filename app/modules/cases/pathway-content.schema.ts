import { z } from "zod";
import { pathwayIds } from "./cases.schema";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Source = z.object({ url: z.string().url(), publisher: z.string(), retrievedOn: isoDate.nullable() });

/** Per pathway: the document checklist and the government stages' typical durations, each with sources. */
export const PathwayContentSchema = z
  .object({
    lastReviewed: isoDate,
    reference: z.string(),
    sources: z.record(Source),
    pathways: z.array(
      z.object({
        id: z.enum(pathwayIds),
        /** Checklist item ids; words in locales/<lng>/cases.json under `checklist.<id>`. Empty = the reference has none. */
        checklist: z.array(z.string().regex(/^[a-zA-Z]+$/)),
        checklistSources: z.array(z.string()),
        /** Typical durations of the government's stages; empty = the reference gives none. */
        governmentStages: z.array(
          z.object({
            id: z.string(),
            min: z.number().positive(),
            max: z.number().positive(),
            unit: z.enum(["week", "month"]),
            noteKey: z.string().optional(),
          })
        ),
        stageSources: z.array(z.string()),
      })
    ),
  })
  .refine(
    (d) => d.pathways.every((p) => [...p.checklistSources, ...p.stageSources].every((s) => s in d.sources)),
    "every pathway cites known sources"
  )
  .refine(
    (d) => d.pathways.every((p) => (p.checklist.length === 0) === (p.checklistSources.length === 0)),
    "a checklist needs a source"
  )
  .refine(
    (d) => d.pathways.every((p) => (p.governmentStages.length === 0) === (p.stageSources.length === 0)),
    "durations need a source"
  );

export type PathwayContent = z.infer<typeof PathwayContentSchema>;
export type PathwayInfo = PathwayContent["pathways"][number];
export type SourceInfo = z.infer<typeof Source>;

/** A pathway's info with its source ids resolved to sources (what pages receive). */
export type PathwayInfoResolved = Omit<PathwayInfo, "checklistSources" | "stageSources"> & {
  checklistSources: (SourceInfo & { id: string })[];
  stageSources: (SourceInfo & { id: string })[];
  lastReviewed: string;
};
