import { readContentJson } from "~/modules/content/content.server";
import { PathwayContentSchema, type PathwayInfoResolved, type SourceInfo } from "./pathway-content.schema";

/** The checklist and typical durations for a pathway, with their sources resolved; undefined for no pathway. */
export function pathwayInfo(pathway: string | null): PathwayInfoResolved | undefined {
  const content = readContentJson("cases/pathways.json", PathwayContentSchema);
  const info = content.pathways.find((p) => p.id === pathway);
  if (!info) return undefined;
  const resolve = (ids: string[]) =>
    ids.map((id) => ({ id, ...content.sources[id]! })) as (SourceInfo & { id: string })[];
  return {
    ...info,
    checklistSources: resolve(info.checklistSources),
    stageSources: resolve(info.stageSources),
    lastReviewed: content.lastReviewed,
  };
}
