import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentForm } from "~/components/reminders/document-form";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/session.server";
import { submitDocument } from "~/modules/reminders/document-form.server";
import { sourcePointsForPage } from "~/modules/reminders/points.server";
import { deleteDocument, getDocument, resumeReminders } from "~/modules/reminders/documents.server";

export const handle = { i18n: ["reminders"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

/** Another account's document (or a made-up id) is a 404, as if it did not exist. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const doc = await getDocument(await getDb(), user.id, params.id ?? "");
  if (!doc) throw notFound();
  const t = await getFixedT(params.lang, "reminders");
  const weeks = doc.remindDaysBefore !== null && doc.remindDaysBefore % 7 === 0;
  const defaults = {
    kind: doc.kind,
    holder: doc.holderName ? "family" : "self",
    holderName: doc.holderName ?? undefined,
    expiresOn: doc.expiresOn,
    ownAmount:
      doc.remindDaysBefore === null ? undefined : String(weeks ? doc.remindDaysBefore / 7 : doc.remindDaysBefore),
    ownUnit: weeks ? "weeks" : "days",
    remindOn: doc.remindOn ?? undefined,
  };
  return { defaults, points: sourcePointsForPage(), meta: { title: t("form.titleEdit") } };
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const formData = await readForm(request);
  const id = params.id ?? "";
  const intent = formData.get("intent");
  if (intent === "delete" || intent === "resume") {
    const db = await getDb();
    const done = intent === "delete" ? await deleteDocument(db, user.id, id) : await resumeReminders(db, user.id, id);
    if (!done) throw notFound();
    return redirect(`/${params.lang}/account/reminders?done=${intent === "delete" ? "deleted" : "resumed"}`, 303);
  }
  return submitDocument(formData, user.id, params.lang, id);
}

export default function EditDocument() {
  const { defaults, points } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("reminders");
  return <DocumentForm title={t("form.titleEdit")} points={points} lastResult={lastResult} defaults={defaults} />;
}
