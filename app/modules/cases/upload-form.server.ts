import { parseWithZod } from "@conform-to/zod/v3";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { checkUpload, type UploadCheck } from "./documents.server";

export const UPLOAD_ERRORS = {
  missing: "cases:errors.fileMissing",
  "too-large": "cases:errors.fileTooLarge",
  type: "cases:errors.fileType",
} as const;
const UploadSchema = z.object({
  item: z.string({ required_error: "cases:errors.item" }).regex(/^[a-zA-Z]{1,40}$/, { message: "cases:errors.item" }),
});

export type ParsedUpload =
  | {
      ok: true;
      item: string;
      file: Extract<UploadCheck, { ok: true }>;
      reply: (formErrors: string[]) => SubmissionResult<string[]>;
    }
  | { ok: false; result: SubmissionResult<string[]> };

/** Reads the upload form (checklist item + one file), with conform errors for either field. */
export async function parseUploadForm(formData: FormData): Promise<ParsedUpload> {
  const submission = parseWithZod(formData, { schema: UploadSchema });
  const file = await checkUpload(formData.get("file"));
  if (submission.status !== "success" || !file.ok) {
    const fieldErrors = {
      ...(submission.status === "success" ? {} : submission.error),
      ...(file.ok ? {} : { file: [UPLOAD_ERRORS[file.reason]] }),
    } as Record<string, string[]>;
    return { ok: false, result: submission.reply({ fieldErrors }) };
  }
  return { ok: true, item: submission.value.item, file, reply: (formErrors) => submission.reply({ formErrors }) };
}
