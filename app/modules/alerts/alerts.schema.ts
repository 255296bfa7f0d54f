import { z } from "zod";

/** The rule-change consent box: ticked means "tell me", unticked and saved means "stop". */
export const RuleAlertConsentSchema = z.object({
  intent: z.literal("rule-alerts"),
  consent: z.literal("on").optional(),
});
