import type { Db } from "~db/client";
import { listAudit, recordAudit, type AuditContext } from "./audit.server";
import { toCsv } from "./csv";
import { backlog, breakdown, trend } from "./dashboard.server";
import { dimensions, periods, type Dimension, type Period } from "./dashboard.schema";

export const exportViews = ["trend", "breakdown", "backlog", "audit"] as const;
export type ExportView = (typeof exportViews)[number];

function pick<T extends string>(list: readonly T[], value: string | null, fallback: T): T {
  return (list as readonly string[]).includes(value ?? "") ? (value as T) : fallback;
}

/** Dashboard and audit filters read from a URL, defaulting anything unknown. */
export function exportParams(params: URLSearchParams) {
  return {
    period: pick<Period>(periods, params.get("period"), "week"),
    by: pick<Dimension>(dimensions, params.get("by"), "pathway"),
    reference: params.get("reference")?.trim().slice(0, 40) || undefined,
    actor: params.get("actor")?.trim().slice(0, 200) || undefined,
  };
}

async function rowsFor(db: Db, view: ExportView, p: ReturnType<typeof exportParams>): Promise<string> {
  if (view === "trend") {
    const rows = await trend(db, p.period);
    return toCsv(
      ["period_start", "opened", "closed", "first_responses", "first_responses_on_time"],
      rows.map((r) => [r.start, r.opened, r.closed, r.responded, r.on_time])
    );
  }
  if (view === "breakdown") {
    const rows = await breakdown(db, p.period, p.by);
    return toCsv(
      [p.by, "opened", "open", "closed"],
      rows.map((r) => [r.value, r.opened, r.open, r.closed])
    );
  }
  if (view === "backlog")
    return toCsv(
      ["status", "count"],
      (await backlog(db)).map((r) => [r.status, r.count])
    );
  const rows = await listAudit(db, { reference: p.reference, actor: p.actor, limit: 50_000 });
  return toCsv(
    ["id", "at", "actor_email", "action", "case_reference", "ip", "user_agent", "detail"],
    rows.map((r) => [
      r.id,
      r.created_at,
      r.actor_email,
      r.action,
      r.case_reference,
      r.ip,
      r.user_agent,
      JSON.stringify(r.detail),
    ])
  );
}

/** A CSV download of one dashboard view or the audit log; the export itself is audited. */
export async function exportCsv(
  db: Db,
  ctx: AuditContext,
  view: ExportView,
  params: URLSearchParams
): Promise<Response> {
  const p = exportParams(params);
  const csv = await rowsFor(db, view, p);
  await recordAudit(db, ctx, { action: `export.${view}`, detail: p });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${view}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
