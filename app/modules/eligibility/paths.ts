import type { Lang } from "~/lib/i18n/config";

export const wizardPath = (lang: Lang, id: string, step: string) => `/${lang}/eligibility/${id}/${step}`;
export const resultsPath = (lang: Lang, id: string) => `/${lang}/eligibility/results/${id}`;
