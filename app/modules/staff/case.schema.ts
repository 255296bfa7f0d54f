import { z } from "zod";
import { caseStatuses } from "./inbox.schema";

const version = z.coerce.number({ message: "staff:errors.stale" }).int().min(1);
const seen = z.coerce.number().int().min(0).default(0);

export const StatusChangeSchema = z.object({
  intent: z.literal("status"),
  version,
  seen,
  status: z.enum(caseStatuses, { message: "staff:errors.status" }),
  reason: z
    .string({ message: "staff:errors.reason" })
    .trim()
    .min(3, "staff:errors.reason")
    .max(500, "staff:errors.tooLong"),
});

export const AssignSchema = z.object({
  intent: z.literal("assign"),
  version,
  seen,
  assignee: z.union([z.literal("none"), z.string().uuid({ message: "staff:errors.assignee" })], {
    message: "staff:errors.assignee",
  }),
});

export const DetailsSchema = z.object({
  intent: z.literal("details"),
  version,
  seen,
  office: z.string({ message: "staff:errors.office" }).trim().min(1, "staff:errors.office").max(40),
  vip: z.enum(["yes", "no"], { message: "staff:errors.vip" }),
  due: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "staff:errors.due")
    .optional(),
});

/** The hidden per-render token of a message form (a resend with it writes once). */
export const messageToken = z
  .string()
  .regex(/^[\w-]{16,64}$/)
  .optional();

export const MessageSchema = z.object({
  intent: z.enum(["reply", "note"]),
  token: messageToken,
  body: z.string({ message: "staff:errors.body" }).trim().min(1, "staff:errors.body").max(5000, "staff:errors.tooLong"),
});

/** Every form on the case page, told apart by `intent`. */
export const CaseActionSchema = z.discriminatedUnion("intent", [
  StatusChangeSchema,
  AssignSchema,
  DetailsSchema,
  MessageSchema,
]);
export type CaseAction = z.infer<typeof CaseActionSchema>;
