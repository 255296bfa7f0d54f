import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { saveDocument } from "./documents.server";
import { taipeiDay } from "./reminder-dates";
import { documentFormSchema } from "./reminder.schema";

/**
 * The add / change action (its form already read with the CSRF check): validates against today in Taipei, saves for
 * the signed-in user only (an id that is not theirs is a 404 and changes nothing), then 303 to the list. Bad input is
 * a 400 with the localized messages.
 */
export async function submitDocument(formData: FormData, userId: string, lang: string, id?: string) {
  const submission = parseWithZod(formData, { schema: documentFormSchema(taipeiDay(new Date())) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const saved = await saveDocument(await getDb(), userId, submission.value, id);
  if (!saved.ok) throw notFound();
  return redirect(`/${lang}/account/reminders?done=saved`, 303);
}
