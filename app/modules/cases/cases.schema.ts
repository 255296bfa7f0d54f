import { z } from "zod";
import { locales, type Lang } from "~/lib/i18n/config";
import { countryCodes } from "~/lib/i18n/countries";

export const pathwayIds = [
  "gold-card",
  "global-elite-card",
  "digital-nomad",
  "professional-work-permit",
  "mid-level-skilled",
  "graduate-points",
] as const;
export type PathwayId = (typeof pathwayIds)[number];
export const officeIds = ["taipei", "kaohsiung", "taichung", "any"] as const;
export const channels = ["email", "phone", "video", "in-person"] as const;
/** Any portal language can be the language we write to the applicant in. */
export const prefLangs = locales.map((l) => l.code) as [Lang, ...Lang[]];
export const goldCardFields = [
  "science_technology",
  "economy",
  "education",
  "culture_arts",
  "sport",
  "finance",
  "law",
  "architecture",
  "national_defense",
  "digital",
] as const;

const text = (max: number, required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, { message: required })
    .max(max, { message: "cases:errors.tooLong" });
const optionalText = (max: number) => z.string().trim().max(max, { message: "cases:errors.tooLong" }).optional();

export const ConsultationSchema = z.object({
  topic: z.enum(["visa", "work", "family", "tax", "living", "other"], {
    errorMap: () => ({ message: "cases:errors.topic" }),
  }),
  question: text(4000, "cases:errors.question"),
  lang: z.enum(prefLangs, { errorMap: () => ({ message: "cases:errors.lang" }) }),
  office: z.enum(officeIds, { errorMap: () => ({ message: "cases:errors.office" }) }),
  channel: z.enum(channels, { errorMap: () => ({ message: "cases:errors.channel" }) }),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, { message: "cases:errors.phone" })
    .optional(),
  submissionToken: z.string().regex(/^[\w-]{16,64}$/),
});

const age = z.coerce
  .number({ invalid_type_error: "cases:errors.childAge" })
  .int({ message: "cases:errors.childAge" })
  .min(0, { message: "cases:errors.childAge" })
  .max(30, { message: "cases:errors.childAge" });
const child = z.object({ name: optionalText(120), age: age.optional() });

/** One application; every field optional while a draft is saved, checked strictly at submit (`strict`). */
export const ApplicationFields = z.object({
  fullName: text(120, "cases:errors.fullName"),
  nationality: z.enum(countryCodes, { errorMap: () => ({ message: "cases:errors.nationality" }) }),
  passportNumber: z
    .string({ required_error: "cases:errors.passport" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{5,20}$/, { message: "cases:errors.passport" }),
  dateOfBirth: z
    .string({ required_error: "cases:errors.dateOfBirth" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "cases:errors.dateOfBirth" })
    .refine(
      (d) => !Number.isNaN(Date.parse(d)) && Date.parse(d) < Date.now() && Date.parse(d) > Date.parse("1900-01-01"),
      { message: "cases:errors.dateOfBirth" }
    ),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, { message: "cases:errors.phone" })
    .optional(),
  preferredLang: z.enum(prefLangs, { errorMap: () => ({ message: "cases:errors.lang" }) }),
  spouseName: optionalText(120),
  children: z.array(child).max(4).optional(),
  parents: z.coerce
    .number({ invalid_type_error: "cases:errors.parents" })
    .int()
    .min(0, { message: "cases:errors.parents" })
    .max(4, { message: "cases:errors.parents" })
    .optional(),
  field: z.enum(goldCardFields, { errorMap: () => ({ message: "cases:errors.field" }) }).optional(),
  employer: optionalText(200),
  qualification: text(4000, "cases:errors.qualification"),
  office: z.enum(officeIds, { errorMap: () => ({ message: "cases:errors.office" }) }).optional(),
});

export type ApplicationData = Partial<z.infer<typeof ApplicationFields>>;

/** A draft save accepts anything well-formed but incomplete. */
export const DraftSaveSchema = ApplicationFields.partial();

export const ReplySchema = z.object({
  body: text(4000, "cases:errors.reply"),
  token: z
    .string()
    .regex(/^[\w-]{16,64}$/)
    .optional(),
});

export const SatisfactionSchema = z.object({
  answer: z.enum(["yes", "partly", "no"], { errorMap: () => ({ message: "cases:errors.satisfaction" }) }),
});
