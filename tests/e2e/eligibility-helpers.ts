import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import type { Lang } from "~/lib/i18n/config";

type S = string;
export interface Bundle {
  facts: Record<string, { question: S; label: S; empty?: S; options?: Record<string, S> }>;
  wizard: { yes: S; no: S; none: S; amount: S; currency: S; continue: S; back: S; questionNumber: S };
  start: { asOf: S; button: S; advanced: S; buttonWithDate: S };
  check: { title: S; submit: S };
  results: { title: S; startApplication: S; consultant: S; checklist: S };
  documents: Record<string, Record<string, S>>;
  outcomes: { eligible: S; "not-eligible": S };
  errors: { number: S; integer: S };
  guide: { title: S; whoQualifies: S; apiLink: S };
  pathways: Record<string, { name: S }>;
}
const read = (lang: Lang, ns: string) => JSON.parse(readFileSync(path.resolve("locales", lang, `${ns}.json`), "utf8"));

/** The wizard's words in any portal locale, from locales/<lang>/eligibility.json, with the pathway names from common.json. */
export function words(lang: Lang): Bundle {
  const bundle = read(lang, "eligibility") as Bundle;
  const names = (read(lang, "common") as { pathways: Record<string, S> }).pathways;
  return { ...bundle, pathways: Object.fromEntries(Object.entries(names).map(([id, name]) => [id, { name }])) };
}

export type Answer = string | number | boolean | string[] | { amount: number | string; currency: "TWD" | "USD" };

/** Answers every question the wizard asks, one page at a time, until "check your answers". */
export async function answerAll(
  page: Page,
  lang: Lang,
  answers: Record<string, Answer>,
  onPage?: (step: string) => Promise<void>
) {
  const w = words(lang);
  for (let i = 0; i < 40; i++) {
    const step = new URL(page.url()).pathname.split("/").pop() ?? "";
    if (step === "check") return;
    await onPage?.(step);
    await answerOne(page, w, step, answers[step]);
    await page.getByRole("button", { name: w.wizard.continue }).click();
    await expect(page).not.toHaveURL(new RegExp(`/${step}$`), { timeout: 15_000 });
  }
  throw new Error("the wizard did not end");
}

export async function answerOne(page: Page, w: Bundle, step: string, value: Answer | undefined) {
  if (value === undefined) throw new Error(`no test answer for ${step}`);
  const fact = w.facts[step]!;
  if (typeof value === "boolean")
    return page.getByRole("radio", { name: value ? w.wizard.yes : w.wizard.no, exact: true }).check();
  if (typeof value === "number") return page.getByLabel(fact.question).fill(String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return page.getByRole("checkbox", { name: w.wizard.none, exact: true }).check();
    for (const v of value) await page.getByRole("checkbox", { name: fact.options![v]!, exact: true }).check();
    return;
  }
  if (typeof value === "object") {
    await page.getByLabel(w.wizard.amount, { exact: true }).fill(String(value.amount));
    await page.getByLabel(w.wizard.currency, { exact: true }).selectOption(value.currency);
    return;
  }
  return page.getByRole("radio", { name: fact.options![value]!, exact: true }).check();
}

export async function startCheck(page: Page, lang: Lang, asOf = "2026-06-01") {
  const w = words(lang);
  await page.goto(`/${lang}/eligibility`);
  await page.getByText(w.start.advanced).click();
  await page.getByLabel(w.start.asOf).fill(asOf);
  await page.getByRole("button", { name: w.start.buttonWithDate }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/eligibility/[A-Za-z0-9_-]{22}/identity$`), { timeout: 15_000 });
}

/** A professional who fits the digital-nomad visa and the employer-sponsored permit, not the Gold Card. */
export const professional: Record<string, Answer> = {
  identity: "foreign-visa-exempt",
  age: 35,
  highestDegree: "master",
  degreeFromTaiwan: false,
  universityRank: "top-500",
  yearsSinceGraduation: 3,
  hasTaiwanOffer: true,
  yearsExperience: 5,
  goldCardField: "economy",
  goldCardClaims: [],
  recentMonthlySalary: { amount: "148000", currency: "TWD" },
  annualIncome: { amount: "50000", currency: "USD" },
  remoteWorkAbroad: true,
  priorNomadVisa: false,
  averageBalance: { amount: "12000", currency: "USD" },
  stayInsurance: true,
  offerMonthlySalary: { amount: "50000", currency: "TWD" },
  isMigrantWorker: false,
  professionalLicence: false,
  multinationalTransfer: false,
  employerExempt: false,
  outstandingPerformance: false,
};

/** The shortest journey: five answers, none of them a fit (the pending Global Elite Card still asks about income). */
export const shortJourney: Record<string, Answer> = {
  identity: "mainland-china",
  highestDegree: "none",
  hasTaiwanOffer: false,
  isMigrantWorker: false,
  annualIncome: { amount: "20000", currency: "USD" },
};
