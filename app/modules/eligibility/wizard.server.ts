import { parseWithZod } from "@conform-to/zod/v3";
import { redirect } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { todayInTaipei } from "~/lib/i18n/format";
import type { Lang } from "~/lib/i18n/config";
import { answersOf, getCheck } from "./checks.server";
import { planJourney } from "./eligibility.server";
import { formSchema, optionsFor, type AnswerValue, type Answers, type Fact } from "./facts.schema";
import { StartSchema } from "./start.schema";
import { ownsDraft } from "./owner.server";
import { questionsAfter } from "./progress.server";
import { allFacts } from "./rules.server";
import { resultsPath, wizardPath } from "./paths";

/** The caller's own open draft, or a 404 (unknown, forged or someone else's id); a finished one redirects to its results. */
export async function requireDraft(request: Request, lang: Lang, id: string | undefined) {
  const db = await getDb();
  const row = id ? await getCheck(db, id) : undefined;
  if (!row || !ownsDraft(request, row.id)) throw notFound();
  if (row.completed_at) throw redirect(resultsPath(lang, row.id), 303);
  const answers = answersOf(row);
  const asOf = row.as_of ?? todayInTaipei();
  return { db, row, answers, asOf, plan: planJourney(answers, asOf) };
}

/** Only the answers on the journey's path count (an answer made moot by a change is ignored). */
export function pathAnswers(answers: Answers, path: string[]): Answers {
  return Object.fromEntries(path.flatMap((f) => (answers[f] === undefined ? [] : [[f, answers[f]] as const])));
}

export function factById(id: string | undefined): Fact | undefined {
  return allFacts().find((f) => f.id === id);
}

/** Everything a question page shows; redirects when the step is not (yet) on this person's journey. */
export function questionView(
  lang: Lang,
  draft: Awaited<ReturnType<typeof requireDraft>>,
  step: string | undefined,
  change: boolean
) {
  const fact = factById(step);
  if (!fact) throw notFound();
  const { path, next } = draft.plan;
  const index = path.indexOf(fact.id);
  if (index === -1 && next !== fact.id) throw redirect(wizardPath(lang, draft.row.id, next ?? "check"), 303);
  const known = pathAnswers(draft.answers, index === -1 ? path : path.slice(0, index));
  const number = index === -1 ? path.length + 1 : index + 1;
  const remaining = questionsAfter(path, draft.answers, index === -1 ? path.length : index, draft.asOf);
  const previous = index > 0 ? path[index - 1] : index === -1 ? path[path.length - 1] : undefined;
  const back = change
    ? wizardPath(lang, draft.row.id, "check")
    : previous
    ? wizardPath(lang, draft.row.id, previous)
    : `/${lang}/eligibility`;
  const options = fact.type === "enum" || fact.type === "multi" ? optionsFor(fact, known) : [];
  return {
    fact: { ...fact, options: options.map((value) => ({ value })) },
    value: draft.answers[fact.id],
    number,
    remaining,
    back,
  };
}

/** Parses one question's form post; a multi-select may only hold the options shown for the other answers. */
export function parseAnswer(formData: FormData, fact: Fact & { options: { value: string }[] }) {
  const submission = parseWithZod(formData, { schema: formSchema(fact) });
  if (submission.status !== "success") return { ok: false as const, reply: submission.reply() };
  const parsed = submission.value as Record<string, unknown>;
  const value = (fact.type === "money" ? parsed : parsed.value) as AnswerValue;
  const allowed = fact.options.map((o) => o.value);
  if (fact.type === "multi" && !(value as string[]).every((v) => allowed.includes(v)))
    return { ok: false as const, reply: submission.reply({ fieldErrors: { value: ["eligibility:errors.option"] } }) };
  return { ok: true as const, value };
}

export const parseStart = (formData: FormData) => parseWithZod(formData, { schema: StartSchema });
