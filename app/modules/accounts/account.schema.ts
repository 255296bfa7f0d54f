import { z } from "zod";

const email = z
  .string({ required_error: "account:errors.emailRequired" })
  .trim()
  .toLowerCase()
  .max(254, { message: "account:errors.emailInvalid" })
  .email({ message: "account:errors.emailInvalid" });

export const newPassword = z
  .string({ required_error: "account:errors.passwordRequired" })
  .min(12, { message: "account:errors.passwordShort" })
  .max(200, { message: "account:errors.passwordLong" });

export const CONSENT_VERSION = "2026-11-25";

export const SignUpSchema = z.object({
  email,
  password: newPassword,
  consent: z.literal("yes", { errorMap: () => ({ message: "account:errors.consentRequired" }) }),
  redirectTo: z.string().max(500).optional(),
});

export const SignInSchema = z.object({
  email,
  password: z
    .string({ required_error: "account:errors.passwordRequired" })
    .max(200, { message: "account:errors.passwordLong" }),
  redirectTo: z.string().max(500).optional(),
});

export const ForgotSchema = z.object({ email });

export const ResetSchema = z.object({ token: z.string().max(100), password: newPassword });

export type SignUp = z.infer<typeof SignUpSchema>;
