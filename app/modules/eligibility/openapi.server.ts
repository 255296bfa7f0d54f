import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { langCodes } from "~/lib/i18n/config";
import { todayInTaipei } from "~/lib/i18n/format";
import { MAX_BODY_BYTES, requestSchema } from "./api.server";
import {
  ErrorResponseSchema,
  EvaluationResponseSchema,
  MAX_ISSUES,
  PathwaysResponseSchema,
  QuestionsResponseSchema,
} from "./api.schema";
import { EARLIEST_AS_OF, HORIZON_YEARS, latestAsOf } from "./start.schema";

extendZodWithOpenApi(z);

const json = (schema: z.ZodTypeAny, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const langQuery = z.object({
  lang: z
    .enum(langCodes as unknown as [string, ...string[]])
    .optional()
    .describe("Wording in this language; without it, ids only"),
});

const DESCRIPTION = [
  "Checks answers against Taiwan's dated eligibility rules with the same evaluator as the portal's wizard.",
  "Guidance only: the competent authorities decide every application.",
  `asOf is a real calendar date from ${EARLIEST_AS_OF} (the first encoded rule set) to ${HORIZON_YEARS} years after today in Taipei.`,
  `Requests are at most ${MAX_BODY_BYTES / 1024} KB of JSON; an error lists at most ${MAX_ISSUES} issues.`,
  "Each evaluation names its rule set and its status: enacted, proposed, criteria-pending or draft.",
].join(" ");

function build(today: string) {
  const registry = new OpenAPIRegistry();
  const request = registry.register("EvaluationRequest", requestSchema());
  const evaluation = registry.register("EvaluationResponse", EvaluationResponseSchema);
  const error = registry.register("ErrorResponse", ErrorResponseSchema);
  const questions = registry.register("QuestionsResponse", QuestionsResponseSchema);
  const pathways = registry.register("PathwaysResponse", PathwaysResponseSchema);
  const badLang = json(error, "invalid-lang: lang is not one of the portal's languages");
  registry.registerPath({
    method: "post",
    path: "/api/v1/eligibility",
    operationId: "evaluate",
    summary: "Evaluate answers against the rules in force on a date",
    request: { query: langQuery, body: { required: true, content: { "application/json": { schema: request } } } },
    responses: {
      200: json(evaluation, "One evaluation per pathway"),
      400: json(error, "invalid-json, invalid-request (with issues) or invalid-lang"),
      413: json(error, `payload-too-large: the body is over ${MAX_BODY_BYTES} bytes`),
      415: json(error, "unsupported-media-type: Content-Type must be application/json"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/eligibility",
    operationId: "evaluateGet",
    summary: "Not allowed: use POST",
    responses: { 405: json(error, "method-not-allowed") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/eligibility/questions",
    operationId: "questions",
    summary: "Every question with its type, options and limits",
    request: { query: langQuery },
    responses: { 200: json(questions, "The questions in asking order"), 400: badLang },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/pathways",
    operationId: "pathways",
    summary: "Every pathway with its dated rule sets",
    request: { query: langQuery },
    responses: { 200: json(pathways, "The pathways"), 400: badLang },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "openapi",
    summary: "This document",
    responses: { 200: json(z.object({}).passthrough(), "OpenAPI 3.1 document") },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Talent Taiwan eligibility API",
      version: "1.0.0",
      description: `${DESCRIPTION} Latest asOf today: ${latestAsOf(today)}.`,
    },
    servers: [{ url: "/" }],
  });
}

let cached: { day: string; doc: ReturnType<typeof build> } | undefined;

/** The OpenAPI 3.1 document, generated from the zod schemas the API validates with (rebuilt when the day changes). */
export function openApiDocument() {
  const day = todayInTaipei();
  if (cached?.day !== day) cached = { day, doc: build(day) };
  return cached.doc;
}
