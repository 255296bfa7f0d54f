import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentForm } from "~/components/reminders/document-form";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/session.server";
import { submitDocument } from "~/modules/reminders/document-form.server";
import { sourcePointsForPage } from "~/modules/reminders/points.server";

export const handle = { i18n: ["reminders"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  await requireUser(request);
  const t = await getFixedT(params.lang, "reminders");
  return { points: sourcePointsForPage(), meta: { title: t("form.titleNew") } };
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  return submitDocument(await readForm(request), user.id, params.lang);
}

export default function NewDocument() {
  const { points } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("reminders");
  return <DocumentForm title={t("form.titleNew")} points={points} lastResult={lastResult} />;
}
