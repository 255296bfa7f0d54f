/** The kinds of document an applicant can record for expiry reminders: the one list every layer imports. */
export const DOCUMENT_KINDS = ["gold-card", "resident-certificate", "passport", "work-permit"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

type Translate = (key: string, values?: Record<string, string>) => string;

/** The localized name of a document, with the family member's name when it is theirs. */
export function documentLabel(t: Translate, kind: DocumentKind, holder: string | null): string {
  const name = t(`reminders:kinds.${kind}`);
  return holder ? t("reminders:documentOf", { kind: name, name: holder }) : name;
}
