import { z } from "zod";
import type { TFunction } from "i18next";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { defaultLang, isLang, langCodes, type Lang } from "~/lib/i18n/config";
import { todayInTaipei } from "~/lib/i18n/format";
import { MAX_ISSUES, type ApiRuleSetStatus } from "./api.schema";
import { evaluateAll } from "./eligibility.server";
import type { Evaluation } from "./evaluate";
import { answersSchema, misplacedOptions, type Answers } from "./facts.schema";
import { allFacts, allPathways, ruleSetByVersion } from "./rules.server";
import { PATHWAYS, type RuleSet } from "./rules.schema";
import { EARLIEST_AS_OF, HORIZON_YEARS, asOfSchema } from "./start.schema";

export const MAX_BODY_BYTES = 64 * 1024;

const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
export const jsonResponse = (body: unknown, status = 200, extra: HeadersInit = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...headers, ...extra } });

type ApiErrorCode =
  | "method-not-allowed"
  | "unsupported-media-type"
  | "payload-too-large"
  | "invalid-json"
  | "invalid-request"
  | "invalid-lang";

export function apiError(
  status: number,
  error: ApiErrorCode,
  extra: Record<string, unknown> = {},
  init: HeadersInit = {}
) {
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

let built: { facts: ReturnType<typeof allFacts>; schema: ReturnType<typeof buildRequestSchema> } | undefined;

/** The request body's schema, built once per set of facts (building it cost 0.3 ms of each API call's 2.7 ms). */
export function requestSchema() {
  const facts = allFacts();
  if (built?.facts !== facts) built = { facts, schema: buildRequestSchema(facts) };
  return built.schema;
}

function buildRequestSchema(facts: ReturnType<typeof allFacts>) {
  const answers = answersSchema(facts).superRefine((a, ctx) => {
    for (const m of misplacedOptions(facts, a as Answers)) {
      ctx.addIssue({
        code: "custom",
        path: m.path,
        message: "eligibility:errors.optionNeeds",
        params: { fact: m.needs.fact, allowed: m.needs.in.join(", ") },
      });
    }
  });
  const pathways = z
    .array(z.enum(PATHWAYS))
    .min(1)
    .max(PATHWAYS.length)
    .refine((p) => new Set(p).size === p.length, { message: "eligibility:errors.pathwayTwice" });
  return z
    .object({
      answers: answers.describe(
        "Answers by question id (GET /api/v1/eligibility/questions); an option with onlyWhen needs that answer"
      ),
      asOf: asOfSchema
        .optional()
        .describe(
          `The rules in force on this calendar date (YYYY-MM-DD), from ${EARLIEST_AS_OF} to ${HORIZON_YEARS} years after today in Taipei; default today`
        ),
      pathways: pathways.optional().describe("Pathways to evaluate, each at most once; default all"),
    })
    .strict();
}

/** Zod issues as `{ path, code, message }`, the first {@link MAX_ISSUES} only, localized when a language was asked for. */
export async function issuesOf(error: z.ZodError, lang: Lang | null) {
  const t = await getFixedT(lang ?? defaultLang, ["eligibility", "common"]);
  const issues = error.issues.slice(0, MAX_ISSUES).map((i) => ({
    path: i.path.join(".").slice(0, 200),
    code: i.code,
    message: i.message.startsWith("eligibility:")
      ? t(i.message, "params" in i ? i.params : {})
      : i.message.slice(0, 200),
  }));
  return { issues, issueCount: error.issues.length };
}

/** The API's word for a rule set's standing. */
export const apiStatus = (status: RuleSet["status"] | ApiRuleSetStatus): ApiRuleSetStatus =>
  status === "in-force" ? "enacted" : status;

function ruleSetInfo(version: string, t: TFunction | null) {
  const rs = ruleSetByVersion(version);
  if (!rs) return null;
  const labels = (rs.labels ?? []).map((l) => ({
    id: l.id,
    status: apiStatus(l.status),
    sources: l.sources,
    ...(t ? { text: t(`labels.${rs.pathway}.${l.id}`) } : {}),
  }));
  const { effectiveFrom, effectiveTo, openForApplications } = rs;
  return { version: rs.version, status: apiStatus(rs.status), effectiveFrom, effectiveTo, openForApplications, labels };
}

function evaluationForApi(e: Evaluation, t: TFunction | null) {
  const { status: _status, ...rest } = e;
  const base = { ...rest, ruleSet: ruleSetInfo(e.ruleSetVersion, t) };
  if (!t) return base;
  return {
    ...base,
    name: t(`common:pathways.${e.pathway}`),
    outcomeText: t(`outcomes.${e.outcome}`),
    tracks: e.tracks.map((k) => ({ ...k, label: t(k.labelKey) })),
    criteria: e.criteria.map((c) => ({
      ...c,
      label: t(c.labelKey),
      ...(c.evidenceKey ? { evidence: t(c.evidenceKey) } : {}),
    })),
  };
}

/** The evaluator's results with each rule set's status and labels, and wording in `lang` when asked. */
export async function evaluateForApi(body: z.infer<ReturnType<typeof requestSchema>>, lang: Lang | null) {
  const result = evaluateAll(body.answers as Answers, body.asOf ?? todayInTaipei(), body.pathways ?? PATHWAYS);
  const t = lang ? await getFixedT(lang, "eligibility") : null;
  const evaluations = result.evaluations.map((e) => evaluationForApi(e, t));
  return { ...result, ...(lang ? { lang } : {}), evaluations };
}

/** Pathways with every dated rule set and its status. */
export async function pathwaysForApi(lang: Lang | null) {
  const t = lang ? await getFixedT(lang, "eligibility") : null;
  return allPathways().map((p) => ({
    id: p.id,
    ...(t ? { name: t(`common:pathways.${p.id}`), summary: t(`pathways.${p.id}.summary`) } : {}),
    versions: p.versions.map((rs) => ({
      version: rs.version,
      status: apiStatus(rs.status),
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
    ...(f.type === "number" || f.type === "money"
      ? { min: f.min ?? 0, max: f.max ?? 1e9, integer: Boolean(f.integer) }
      : {}),
    ...(f.currencies ? { currencies: f.currencies } : {}),
    ...(f.options
      ? {
          options: f.options.map((o) => ({
            value: o.value,
            ...(o.when ? { onlyWhen: o.when } : {}),
            ...(t ? { label: t(`facts.${f.id}.options.${o.value}`) } : {}),
          })),
        }
      : {}),
    ...(t ? { question: t(`facts.${f.id}.question`) } : {}),
  }));
}
