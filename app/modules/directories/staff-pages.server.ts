import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang, type Lang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { recordAudit } from "~/modules/staff/audit.server";
import { auditContext, requireStaffWith2fa, type StaffUser } from "~/modules/staff/staff-session.server";
import { getEntry, listAllForStaff, listStaleEntries } from "./directories.server";
import { entrySchema, type EntryInput } from "./entry.schema";
import { csvColumns, DIRECTORIES, isDirectoryKind, type DirectoryKind } from "./kinds";
import { entryTitle } from "./present";
import { createEntry, importCsv, setEntryStatus, updateEntry } from "./upkeep.server";

const MAX_UPLOAD = 1_048_576;

type Args = LoaderFunctionArgs | ActionFunctionArgs;

/** Staff (with the second factor) first, then the language and directory of the URL (a 404 for anything unknown). */
async function resolve({ request, params }: Args): Promise<{ lang: Lang; kind: DirectoryKind; user: StaffUser }> {
  const user = await requireStaffWith2fa(request);
  if (!isLang(params.lang) || !isDirectoryKind(params.kind)) throw notFound();
  return { lang: params.lang, kind: params.kind, user };
}

/** Staff changes to the directories go to the same append-only audit log as case work. */
function audit(args: ActionFunctionArgs, user: StaffUser, action: string, detail: Record<string, unknown>) {
  return getDb().then((db) => recordAudit(db, auditContext(user, args.request, args.context), { action, detail }));
}

export const staffListPath = (lang: Lang, kind: DirectoryKind) => `/${lang}/staff/directories/${kind}`;

async function metaFor(lang: Lang, key: string, values: Record<string, string>) {
  const t = await getFixedT(lang, "directories");
  const directory = t(`kinds.${values.kind}.title`);
  return { title: t(key, { ...values, directory }) };
}

/** Staff list: every entry, retired ones included. */
export async function staffListLoader(args: LoaderFunctionArgs) {
  const { lang, kind } = await resolve(args);
  const db = await getDb();
  const [entries, staleEntries] = await Promise.all([listAllForStaff(db, kind), listStaleEntries(db, kind)]);
  const def = DIRECTORIES[kind];
  const view = (e: (typeof entries)[number]) => ({
    id: e.id,
    status: e.status,
    title: entryTitle(def, e, lang),
    lastVerified: e.last_verified,
  });
  const url = new URL(args.request.url);
  return {
    meta: await metaFor(lang, "staff.title", { kind }),
    kind,
    rows: entries.map(view),
    stale: staleEntries.map(view),
    saved: url.searchParams.has("saved"),
    imported: url.searchParams.get("imported"),
  };
}

/** Loader of the new and edit forms: the entry (for edit) and the page title. */
export async function staffFormLoader(args: LoaderFunctionArgs) {
  const { lang, kind } = await resolve(args);
  if (!args.params.id) return { meta: await metaFor(lang, "staff.newTitle", { kind }), kind, entry: null };
  const entry = await getEntry(await getDb(), kind, args.params.id, { includeRetired: true });
  if (!entry) throw notFound();
  const name = entryTitle(DIRECTORIES[kind], entry, lang)
    .map((p) => p.text)
    .join(" ");
  const { search_text: _s, created_at: _c, updated_at: _u, retired_at: _r, ...fields } = entry;
  return { meta: await metaFor(lang, "staff.editTitle", { kind, name }), kind, entry: fields };
}

/** Create, edit, retire or restore: CSRF, validation (400 with the reply), then a 303 to the staff list. */
export async function staffFormAction(args: ActionFunctionArgs) {
  const { lang, kind, user } = await resolve(args);
  const formData = await args.request.formData();
  requireCsrf(args.request, formData);
  const db = await getDb();
  const id = args.params.id;
  const intent = formData.get("intent");
  if (id && (intent === "retire" || intent === "restore")) {
    const { ok } = await setEntryStatus(db, kind, id, intent === "retire" ? "retired" : "active");
    if (!ok) throw notFound();
    await audit(args, user, `directory.${intent}`, { kind, id });
    return redirect(`${staffListPath(lang, kind)}?saved=${encodeURIComponent(id)}`, 303);
  }
  const submission = parseWithZod(formData, { schema: entrySchema(DIRECTORIES[kind]) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const input = submission.value as EntryInput;
  if (id) {
    if (!(await updateEntry(db, kind, id, input)).ok) throw notFound();
    await audit(args, user, "directory.update", { kind, id });
    return redirect(`${staffListPath(lang, kind)}?saved=${encodeURIComponent(id)}`, 303);
  }
  const created = await createEntry(db, kind, input);
  if (!created.ok)
    return json(submission.reply({ fieldErrors: { id: ["directories:errors.idTaken"] } }), { status: 400 });
  await audit(args, user, "directory.create", { kind, id: created.id });
  return redirect(`${staffListPath(lang, kind)}?saved=${encodeURIComponent(created.id)}`, 303);
}

/** The import page: its title and the columns a file may have. */
export async function staffImportLoader(args: LoaderFunctionArgs) {
  const { lang, kind } = await resolve(args);
  return { meta: await metaFor(lang, "import.title", { kind }), kind, columns: csvColumns(DIRECTORIES[kind]) };
}

type UploadProblem = "noFile" | "tooLarge";

/** CSV import: a clean file (or good rows only, when asked) is written in one transaction and ends in a 303. */
export async function staffImportAction(args: ActionFunctionArgs) {
  const { lang, kind, user } = await resolve(args);
  const problem = (reason: UploadProblem, status: number) => json({ problem: reason, report: null }, { status });
  if (Number(args.request.headers.get("content-length") ?? 0) > MAX_UPLOAD + 16_384) return problem("tooLarge", 413);
  const formData = await args.request.formData();
  requireCsrf(args.request, formData);
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) return problem("noFile", 400);
  if (file.size > MAX_UPLOAD) return problem("tooLarge", 413);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await file.arrayBuffer());
  const report = await importCsv(await getDb(), kind, text, { goodRowsOnly: formData.get("goodRowsOnly") === "on" });
  if (report.imported)
    await audit(args, user, "directory.import", {
      kind,
      created: report.created,
      updated: report.updated,
      skipped: report.errors.length,
    });
  if (report.imported && report.errors.length === 0) {
    return redirect(`${staffListPath(lang, kind)}?imported=${report.created}-${report.updated}`, 303);
  }
  // Partly imported or refused: the person must see which rows were skipped, so the report is the response.
  return json({ problem: null, report }, { status: report.imported ? 200 : 400 });
}
