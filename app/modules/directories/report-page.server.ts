import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { isLocked, recordFailure } from "~/modules/accounts/rate-limit.server";
import { getUser } from "~/modules/accounts/session.server";
import { newSubmissionToken } from "~/modules/cases/cases.server";
import { CorrectionSchema } from "./correction.schema";
import { correctionFields, reportCorrection, REPORTS_PER_WINDOW } from "./corrections.server";
import { getEntry } from "./directories.server";
import { DIRECTORIES, directoryPath, isDirectoryKind, type DirectoryDef } from "./kinds";
import { entryTitle } from "./present";

type Section = DirectoryDef["section"];

async function resolveEntry(section: Section, params: LoaderFunctionArgs["params"]) {
  if (!isLang(params.lang)) throw notFound();
  const kind = params.directory;
  if (!isDirectoryKind(kind) || DIRECTORIES[kind].section !== section) throw notFound();
  const id = params.id ?? "";
  const entry = /^[a-z0-9-]{1,80}$/.test(id) ? await getEntry(await getDb(), kind, id) : null;
  if (!entry) throw notFound();
  const title = entryTitle(DIRECTORIES[kind], entry, params.lang);
  return { lang: params.lang, kind, entry, title };
}

/** The "report a change" page of a public entry; anyone may report, signed in or not. */
export async function correctionLoader(section: Section, { params }: LoaderFunctionArgs) {
  const { lang, kind, entry, title } = await resolveEntry(section, params);
  const t = await getFixedT(lang, "directories");
  const name = title.map((p) => p.text).join(" ");
  return {
    meta: { title: t("report.title", { name }) },
    kind,
    id: entry.id,
    title,
    fields: correctionFields(kind),
    submissionToken: newSubmissionToken(),
  };
}

/** Validates a report and opens a "directory correction" case; refused input changes nothing. */
export async function correctionAction(section: Section, { params, request, context }: ActionFunctionArgs) {
  const { lang, kind, entry } = await resolveEntry(section, params);
  const formData = await readForm(request, 64 * 1024);
  const fields = correctionFields(kind);
  const schema = CorrectionSchema.refine((v) => fields.includes(v.field), {
    path: ["field"],
    message: "directories:report.errors.field",
  });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const db = await getDb();
  const key = `dir-report:${context.clientIp ?? "unknown"}`;
  if (await isLocked(db, [key])) {
    return json(submission.reply({ formErrors: ["directories:report.errors.tooMany"] }), { status: 429 });
  }
  const user = await getUser(request);
  const { reference } = await reportCorrection(db, {
    kind,
    entry,
    lang,
    userId: user?.id ?? null,
    input: submission.value,
  });
  await recordFailure(db, [{ key, limit: REPORTS_PER_WINDOW }]);
  return redirect(`${directoryPath(lang, kind)}/${entry.id}?reported=${encodeURIComponent(reference)}`, 303);
}
