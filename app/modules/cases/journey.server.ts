import type { Db } from "~db/client";
import { startDraft } from "./drafts.server";
import { isPathwayId, openForApplications } from "./pathway-open.server";

/**
 * Where a user who just signed in (or confirmed their address) continues. Starting an application from a result
 * opens (or reopens) the draft linked to that result, so they land on it instead of a second "start" page.
 */
export async function continueJourney(db: Db, userId: string, path: string): Promise<string> {
  const url = new URL(path, "http://portal.invalid");
  const lang = /^\/([A-Za-z-]{2,5})\/account\/applications\/new$/.exec(url.pathname)?.[1];
  const pathway = url.searchParams.get("pathway");
  if (!lang || !isPathwayId(pathway) || !openForApplications(pathway)) return path;
  const id = await startDraft(db, userId, { pathway, checkId: url.searchParams.get("check") ?? undefined });
  return `/${lang}/account/applications/${id}`;
}
