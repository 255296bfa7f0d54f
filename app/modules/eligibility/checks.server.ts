import { randomBytes } from "node:crypto";
import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, EligibilityChecksTable } from "~db/schema";
import type { AnswerValue, Answers } from "./facts.schema";
import type { CheckResult } from "./eligibility.server";

type Db = Kysely<Database>;
export type CheckRow = Selectable<EligibilityChecksTable>;

const ID = /^[A-Za-z0-9_-]{22}$/;

/** True for the shape of an id we issue (128 random bits, base64url). */
export const isCheckId = (id: unknown): id is string => typeof id === "string" && ID.test(id);

/** A new draft under a random id; stores answers only, never a name or email. */
export async function createCheck(db: Db, input: { lang: string; asOf: string | null }): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  await db
    .insertInto("eligibility_checks")
    .values({ id, lang: input.lang, as_of: input.asOf, answers: "{}" })
    .execute();
  return id;
}

export async function getCheck(db: Db, id: string): Promise<CheckRow | undefined> {
  if (!isCheckId(id)) return undefined;
  return db.selectFrom("eligibility_checks").selectAll().where("id", "=", id).executeTakeFirst();
}

const asAnswers = (v: unknown): Answers => (typeof v === "string" ? JSON.parse(v) : v ?? {}) as Answers;
export const answersOf = (row: CheckRow): Answers => asAnswers(row.answers);
export const resultOf = (row: CheckRow): CheckResult | null =>
  row.result ? ((typeof row.result === "string" ? JSON.parse(row.result) : row.result) as CheckResult) : null;

/** Stores one answer on a draft; answers that depend on a changed one are cleared. Completed checks never change. */
export async function saveAnswer(
  db: Db,
  input: { id: string; fact: string; value: AnswerValue; dependents?: string[] }
): Promise<"saved" | "completed" | "missing"> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("eligibility_checks")
      .selectAll()
      .where("id", "=", input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return "missing";
    if (row.completed_at) return "completed";
    const answers = answersOf(row);
    const changed = JSON.stringify(answers[input.fact]) !== JSON.stringify(input.value);
    if (changed) for (const d of input.dependents ?? []) delete answers[d];
    answers[input.fact] = input.value;
    await trx
      .updateTable("eligibility_checks")
      .set({ answers: JSON.stringify(answers), version: sql`version + 1`, updated_at: sql`now()` })
      .where("id", "=", input.id)
      .execute();
    return "saved";
  });
}

/** Freezes a check with its result; a second call (double submit) changes nothing. */
export async function completeCheck(
  db: Db,
  input: { id: string; answers: Answers; result: CheckResult }
): Promise<boolean> {
  const res = await db
    .updateTable("eligibility_checks")
    .set({
      answers: JSON.stringify(input.answers),
      result: JSON.stringify(input.result),
      completed_at: sql`now()`,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where("id", "=", input.id)
    .where("completed_at", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * A completed check's result, or null. Read from the database each time (a primary-key lookup): a result may vanish
 * when its owner deletes their account, and anonymous results pages are already served from the page cache, which
 * a deletion invalidates (`20261202T0800_checks-content-version`).
 */
export async function completedResult(db: Db, id: string): Promise<CheckResult | null> {
  const row = await getCheck(db, id);
  return row?.completed_at ? resultOf(row) : null;
}
