import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { isStaff, requireUser } from "~/modules/accounts/session.server";
import { getReadableDocument } from "~/modules/cases/documents.server";
import { recordAudit } from "~/modules/staff/audit.server";
import { auditContext, requireStaffWith2fa } from "~/modules/staff/staff-session.server";

/** Streams a document to its owner or to staff: always as an attachment, in a sandbox, never rendered inline (nosniff is set on every response by the server). */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  // Staff read any case's files, so they need their second factor, and every download is audited.
  const staff = isStaff(user) ? await requireStaffWith2fa(request) : null;
  const db = await getDb();
  const doc = await getReadableDocument(db, user, params.id ?? "");
  if (!doc) throw notFound();
  if (staff)
    await recordAudit(db, auditContext(staff, request, context), {
      action: "document.download",
      caseId: doc.case_id,
      detail: { documentId: doc.id },
    });
  const ascii = doc.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Buffer.from(doc.content), {
    headers: {
      "Content-Type": doc.mime,
      "Content-Length": String(doc.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
