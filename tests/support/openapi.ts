import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import { openApiDocument } from "~/modules/eligibility/openapi.server";

type Method = "get" | "post";
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

let dereferenced: Promise<{ paths: Record<string, Partial<Record<Method, Operation>>> }> | undefined;
const validators = new Map<string, ValidateFunction>();
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });

/** Every documented `method path status`, for checking that the tests exercised each one. */
export async function documentedResponses(): Promise<string[]> {
  const doc = await deref();
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) =>
      Object.keys((op as Operation).responses).map((status) => `${method} ${path} ${status}`)
    )
  );
}

function deref() {
  dereferenced ??= SwaggerParser.dereference(structuredClone(openApiDocument()) as never) as never;
  return dereferenced!;
}

/** Checks a response against the OpenAPI document: its status must be documented and its JSON body must match. */
export async function responseProblems(method: Method, path: string, status: number, body: unknown): Promise<string[]> {
  const key = `${method} ${path} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = (await deref()).paths[path]?.[method]?.responses[String(status)]?.content?.["application/json"]
      ?.schema;
    if (!schema) return [`${key} is not documented`];
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath} ${e.message}`);
}
