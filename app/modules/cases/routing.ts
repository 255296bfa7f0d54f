import type { officeIds } from "./cases.schema";

type OfficeChoice = (typeof officeIds)[number];

/** Where a case goes when the applicant has no preference (README decision 2026-12-02: the head office). */
export const DEFAULT_OFFICE = "taipei";

/** The office a new case is routed to: the applicant's choice, else the head office. Never null, so staff see one. */
export function routeOffice(choice: OfficeChoice | null | undefined): string {
  return choice && choice !== "any" ? choice : DEFAULT_OFFICE;
}
