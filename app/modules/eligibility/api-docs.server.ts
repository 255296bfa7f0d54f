import { langCodes, type Lang } from "~/lib/i18n/config";
import { MAX_ISSUES, RULE_SET_STATUSES } from "./api.schema";
import { MAX_BODY_BYTES, evaluateForApi } from "./api.server";
import { openApiDocument } from "./openapi.server";
import { EARLIEST_AS_OF, HORIZON_YEARS, latestAsOf } from "./start.schema";

const EXAMPLE = {
  answers: { identity: "foreign-other", goldCardField: "digital", yearsExperience: 8 },
  asOf: "2026-06-01",
  pathways: ["gold-card" as const],
};

/** A real answer of the API to the example request, shortened to two criteria. */
async function exampleResponse(lang: Lang) {
  const full = await evaluateForApi(EXAMPLE, lang);
  const evaluations = full.evaluations.map((e) => ({ ...e, criteria: e.criteria.slice(0, 2) }));
  return JSON.stringify({ ...full, evaluations }, null, 2);
}

/** What the developers page shows: the operations of the OpenAPI document, the date range, limits and an example. */
export async function apiReference(lang: Lang, origin: string) {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (["post", "get"] as const).flatMap((method) => {
      const op = item[method];
      return op
        ? [{ id: op.operationId ?? `${method} ${path}`, method, path, statuses: Object.keys(op.responses ?? {}) }]
        : [];
    })
  );
  const body = JSON.stringify(EXAMPLE);
  return {
    operations,
    langs: langCodes,
    earliest: EARLIEST_AS_OF,
    latest: latestAsOf(),
    horizonYears: HORIZON_YEARS,
    ruleSetStatuses: RULE_SET_STATUSES,
    maxBodyKb: MAX_BODY_BYTES / 1024,
    maxIssues: MAX_ISSUES,
    example: {
      curl: `curl -s '${origin}/api/v1/eligibility?lang=${lang}' \\\n  -H 'Content-Type: application/json' \\\n  -d '${body}'`,
      response: await exampleResponse(lang),
    },
  };
}
