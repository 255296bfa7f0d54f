import { z } from "zod";

import { caseStatuses } from "~/modules/cases/case-status";

// One list of statuses for the whole portal (case-status.ts); staff modules keep importing it from here too.
export { caseStatuses };
export const caseKinds = ["consultation", "application", "directory-correction"] as const;
export const inboxTabs = ["mine", "unassigned", "waiting", "overdue", "open", "closed"] as const;
export const inboxSorts = ["due", "activity", "created"] as const;
export const PAGE_SIZE = 25;
/** Tab counts stop at this number and show "10,000+": an exact count of a million rows costs more than the page. */
export const COUNT_CAP = 10_000;
/** Above this many matching cases a search walks the sort index instead of listing ids, and tab counts are skipped. */
export const SEARCH_CAP = 2000;
export type InboxTab = (typeof inboxTabs)[number];
export type InboxSort = (typeof inboxSorts)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Inbox filters as they appear in the URL; anything malformed falls back to "no filter" rather than an error. */
export const InboxFiltersSchema = z.object({
  tab: z.enum(inboxTabs).catch("open"),
  status: z.enum(caseStatuses).optional().catch(undefined),
  kind: z.enum(caseKinds).optional().catch(undefined),
  pathway: optionalText(60).catch(undefined),
  assignee: z
    .union([z.literal("none"), z.string().uuid()])
    .optional()
    .catch(undefined),
  office: optionalText(40).catch(undefined),
  lang: optionalText(10).catch(undefined),
  nationality: optionalText(60).catch(undefined),
  vip: z.enum(["1"]).optional().catch(undefined),
  q: optionalText(100).catch(undefined),
  sort: z.enum(inboxSorts).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type InboxFilters = z.infer<typeof InboxFiltersSchema>;

/** Parses URLSearchParams into filters. */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  return InboxFiltersSchema.parse(Object.fromEntries([...params.entries()].filter(([, v]) => v !== "")));
}

/** The default order of a tab: deadlines first where lateness matters, otherwise the latest activity. */
export function sortOf(filters: Pick<InboxFilters, "tab" | "sort">): InboxSort {
  return filters.sort ?? (filters.tab === "overdue" ? "due" : "activity");
}
