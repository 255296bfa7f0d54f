import { z } from "zod";
import { DIRECTORY_KINDS } from "./kinds";

const SourceSchema = z.object({
  title: z.string().min(1),
  /** Null where the source is the plan document itself (no public URL in the reference). */
  url: z.string().url().nullable(),
  /** YYYY-MM or YYYY-MM-DD. */
  publishedOn: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
});

/** Official counts the reference gives without entries, and what the reference lacks, per directory. */
export const DirectoryFiguresSchema = z
  .object({
    sources: z.record(SourceSchema),
    figures: z.array(
      z.object({
        directory: z.enum(DIRECTORY_KINDS),
        /** i18n key under directories:figures. */
        id: z.string().regex(/^[a-zA-Z]+$/),
        value: z.number().int().nonnegative(),
        /** The date the count describes, when the source gives one. */
        asOf: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable(),
        source: z.string(),
      })
    ),
    /** i18n keys under directories:gaps: facts the reference does not give. */
    gaps: z.record(z.enum(DIRECTORY_KINDS), z.array(z.string())),
  })
  .refine((d) => d.figures.every((f) => f.source in d.sources), "every figure cites a known source");

export type DirectoryFigures = z.infer<typeof DirectoryFiguresSchema>;
