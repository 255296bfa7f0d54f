import { z } from "zod";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { defaultLang, isLang, langCodes, type Lang } from "~/lib/i18n/config";
import { todayInTaipei } from "~/lib/i18n/format";
import { evaluateAll } from "./eligibility.server";
import { answersSchema } from "./facts.schema";
import { allFacts, allPathways } from "./rules.server";
import { PATHWAYS, isoDate } from "./rules.schema";
import { EARLIEST_AS_OF } from "./start.schema";

export const MAX_BODY_BYTES = 64 * 1024;

const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
export const jsonResponse = (body: unknown, status = 200, extra: HeadersInit = {}) => new Response(JSON.stringify(body), { status, headers: { ...headers, ...extra } });

type ApiErrorCode = "method-not-allowed" | "unsupported-media-type" | "payload-too-large" | "invalid-json" | "invalid-request" | "invalid-lang";

export function apiError(status: number, error: ApiErrorCode, extra: Record<string, unknown> = {}, init: HeadersInit = {}) {
  return jsonResponse({ error, ...extra }, status, init);
}

/** `?lang=` for wording; absent means no wording (ids only), unknown is a 400. */
export function langParam(request: Request): Lang | null | Response {
  const lang = new URL(request.url).searchParams.get("lang");
  if (lang === null) return null;
  return isLang(lang) ? lang : apiError(400, "invalid-lang", { allowed: langCodes });
}

/** Reads at most 64 KB of the body: a bigger one is a 413 without reading it all. */
export async function readLimited(request: Request): Promise<string | Response> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BODY_BYTES) return apiError(413, "payload-too-large", { limitBytes: MAX_BODY_BYTES });
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return apiError(413, "payload-too-large", { limitBytes: MAX_BODY_BYTES });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function requestSchema() {
  return z
    .object({
      answers: answersSchema(allFacts()),
      asOf: isoDate.refine((d) => d >= EARLIEST_AS_OF, { message: "eligibility:errors.dateRange" }).optional(),
      // Each pathway at most once: a list repeating one pathway made a 65 KB request answer with 12 MB.
      pathways: z
        .array(z.enum(PATHWAYS))
        .min(1)
        .max(PATHWAYS.length)
        .refine((list) => new Set(list).size === list.length, { message: "duplicate pathway" })
        .optional(),
    })
    .strict();
}

/** At most this many issues are listed, so a request full of bad items cannot make a large answer. */
export const MAX_ISSUES = 20;

/** Zod issues as `{ path, code, message }` (the first MAX_ISSUES), the message localized when a language was asked for. */
export async function issuesOf(error: z.ZodError, lang: Lang | null) {
  const t = await getFixedT(lang ?? defaultLang, ["eligibility", "common"]);
  return error.issues.slice(0, MAX_ISSUES).map((i) => ({
    path: i.path.join("."),
    code: i.code,
    message: i.message.startsWith("eligibility:") ? t(i.message) : i.message,
  }));
}

/** The evaluator's results, with wording in `lang` when asked. */
export async function evaluateForApi(body: z.infer<ReturnType<typeof requestSchema>>, lang: Lang | null) {
  const result = evaluateAll(body.answers as never, body.asOf ?? todayInTaipei(), body.pathways ?? PATHWAYS);
  if (!lang) return result;
  const t = await getFixedT(lang, "eligibility");
  const evaluations = result.evaluations.map((e) => ({
    ...e,
    name: t(`common:pathways.${e.pathway}`),
    outcomeText: t(`outcomes.${e.outcome}`),
    criteria: e.criteria.map((c) => ({ ...c, label: t(c.labelKey), ...(c.evidenceKey ? { evidence: t(c.evidenceKey) } : {}) })),
  }));
  return { ...result, lang, evaluations };
}

/** Pathways with every dated rule set and its status. */
export async function pathwaysForApi(lang: Lang | null) {
  const t = lang ? await getFixedT(lang, "eligibility") : null;
  return allPathways().map((p) => ({
    id: p.id,
    ...(t ? { name: t(`common:pathways.${p.id}`), summary: t(`pathways.${p.id}.summary`) } : {}),
    versions: p.versions.map((rs) => ({
      version: rs.version,
      status: rs.status,
      effectiveFrom: rs.effectiveFrom,
      effectiveTo: rs.effectiveTo,
      lastReviewed: rs.lastReviewed,
      openForApplications: rs.openForApplications,
      parameters: rs.parameters,
    })),
  }));
}

/** The questions: ids, types, allowed values and units (and wording in `lang`). */
export async function questionsForApi(lang: Lang | null) {
  const t = lang ? await getFixedT(lang, "eligibility") : null;
  return allFacts().map((f) => ({
    id: f.id,
    type: f.type,
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.type === "number" || f.type === "money" ? { min: f.min ?? 0, max: f.max ?? 1e9, integer: Boolean(f.integer) } : {}),
    ...(f.currencies ? { currencies: f.currencies } : {}),
    ...(f.options ? { options: f.options.map((o) => ({ value: o.value, ...(o.when ? { onlyWhen: o.when } : {}), ...(t ? { label: t(`facts.${f.id}.options.${o.value}`) } : {}) })) } : {}),
    ...(t ? { question: t(`facts.${f.id}.question`) } : {}),
  }));
}
