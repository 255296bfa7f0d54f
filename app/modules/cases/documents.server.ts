import type { Db } from "~db/client";
import type { DocumentMime } from "~db/schema";
import { sha256 } from "~/modules/accounts/crypto.server";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The file type decided from its first bytes; the name and the browser's claim are ignored. */
export function sniffMime(bytes: Uint8Array): DocumentMime | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return undefined;
}

export type UploadCheck =
  | { ok: true; bytes: Uint8Array; mime: DocumentMime; name: string }
  | { ok: false; reason: "missing" | "too-large" | "type" };

/** Validates an uploaded file: present, at most 10 MB, and a PDF, JPEG or PNG by its bytes. */
export async function checkUpload(file: FormDataEntryValue | null): Promise<UploadCheck> {
  if (!file || typeof file === "string" || file.size === 0) return { ok: false, reason: "missing" };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, reason: "too-large" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = sniffMime(bytes);
  if (!mime) return { ok: false, reason: "type" };
  return { ok: true, bytes, mime, name: safeFilename(file.name, mime) };
}

const EXT: Record<DocumentMime, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

/** A display name with no path parts or control characters, and the extension that matches the bytes. */
export function safeFilename(name: string, mime: DocumentMime): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[^\p{L}\p{N} ._-]/gu, "_")
    .replace(/\.[^.]*$/, "")
    .slice(0, 80)
    .trim();
  return `${base || "document"}.${EXT[mime]}`;
}

/** Stores a checked upload against a case (or a draft), owned by the uploader. */
export async function storeDocument(
  db: Db,
  input: {
    ownerId: string;
    caseId?: string | null;
    draftId?: string | null;
    eventId?: string | null;
    checklistItem?: string | null;
    file: Extract<UploadCheck, { ok: true }>;
  }
) {
  return db
    .insertInto("documents")
    .values({
      owner_id: input.ownerId,
      case_id: input.caseId ?? null,
      draft_id: input.draftId ?? null,
      case_event_id: input.eventId ?? null,
      checklist_item: input.checklistItem ?? null,
      filename: input.file.name,
      mime: input.file.mime,
      size: input.file.bytes.byteLength,
      sha256: sha256(input.file.bytes),
      content: input.file.bytes,
    })
    .returning(["id", "filename"])
    .executeTakeFirstOrThrow();
}

/**
 * A document the user may read: staff read any; an applicant reads their own uploads and the files
 * on their case that are not attached to an internal note. Undefined otherwise (the route answers 404).
 */
export async function getReadableDocument(db: Db, user: { id: string; role: string }, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  let query = db
    .selectFrom("documents")
    .select(["id", "case_id", "filename", "mime", "size", "content"])
    .where("id", "=", id);
  if (user.role === "applicant") {
    query = query.where((eb) =>
      eb.or([
        eb("documents.owner_id", "=", user.id),
        eb.exists(
          eb
            .selectFrom("cases")
            .select("cases.id")
            .whereRef("cases.id", "=", "documents.case_id")
            .where("cases.applicant_id", "=", user.id)
            .where((e) =>
              e.or([
                e("documents.case_event_id", "is", null),
                e.exists(
                  e
                    .selectFrom("case_events")
                    .select("case_events.id")
                    .whereRef("case_events.id", "=", "documents.case_event_id")
                    .where("case_events.visibility", "=", "public")
                ),
              ])
            )
        ),
      ])
    );
  }
  return query.executeTakeFirst();
}

/** Documents listed on a case or draft (metadata only). */
export function listDocuments(db: Db, where: { caseId?: string; draftId?: string }) {
  let query = db
    .selectFrom("documents")
    .select(["id", "filename", "mime", "size", "checklist_item", "case_event_id", "created_at"])
    .orderBy("created_at");
  if (where.caseId) query = query.where("case_id", "=", where.caseId);
  else if (where.draftId) query = query.where("draft_id", "=", where.draftId);
  else return Promise.resolve([]);
  return query.execute();
}
