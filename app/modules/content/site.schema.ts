import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PlanFiguresSchema = z.object({
  /** Source id of the document the figures come from. */
  source: z.literal("plan-2024"),
  /** When the source was published. */
  publishedOn: isoDate,
  figures: z.array(
    z.object({
      id: z.enum(["consultations", "professionals", "students"]),
      value: z.number().int().positive(),
      moreThan: z.boolean(),
      note: z.string(),
    })
  ),
});

const SourceSchema = z.object({ url: z.string().url(), publisher: z.string(), retrievedOn: isoDate });

export const OfficesSchema = z
  .object({
    lastReviewed: isoDate,
    sources: z.record(SourceSchema),
    offices: z.array(
      z.object({
        id: z.enum(["taipei", "kaohsiung", "taichung"]),
        /** Null where the reference has no exact date. */
        openedOn: isoDate.nullable(),
        address: z.object({ en: z.string(), "zh-TW": z.string() }).nullable(),
        /** Where the office is when the reference gives a place but no street address. */
        location: z.object({ en: z.string(), "zh-TW": z.string() }).optional(),
        source: z.string(),
      })
    ),
  })
  .refine((d) => d.offices.every((o) => o.source in d.sources), "every office cites a known source");

export type PlanFigures = z.infer<typeof PlanFiguresSchema>;
export type Offices = z.infer<typeof OfficesSchema>;
