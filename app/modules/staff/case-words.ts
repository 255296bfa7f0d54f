import type { TFunction } from "i18next";
import { isLang, localeInfo } from "~/lib/i18n/config";
import type { Dimension } from "./dashboard.schema";

/** What a case is about, in words: an application's pathway, a consultation's topic, or else its subject line. */
export function caseAbout(t: TFunction, c: { kind: string; pathway: string | null; subject: string | null }): string {
  if (c.kind === "application" && c.pathway) return t(`common:pathways.${c.pathway}`, { defaultValue: c.pathway });
  if (c.subject) return t(`cases:topics.${c.subject}`, { defaultValue: c.subject });
  return t(`staff:kind.${c.kind}`);
}

/** A case language by its own name (日本語, ไทย), or the code itself when it is not one of the portal's. */
export function langName(code: string): string {
  return isLang(code) ? localeInfo(code).nativeName : code;
}

/** A dashboard value in words: pathway, topic and office names instead of ids (countries come named from the server). */
export function dimensionLabel(t: TFunction, by: Dimension, value: string | null): string {
  if (value === null) return "—";
  if (by === "pathway") return t(`common:pathways.${value}`, { defaultValue: value });
  if (by === "topic") return t(`cases:topics.${value}`, { defaultValue: value });
  if (by === "kind") return t(`staff:kind.${value}`, { defaultValue: value });
  if (by === "office") return t(`staff:office.${value}`, { defaultValue: value });
  if (by === "lang") return langName(value);
  return value;
}
