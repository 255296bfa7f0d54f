import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LiveStatus } from "~/components/forms";
import { DocumentCard } from "~/components/reminders/document-card";
import { AccountBar } from "~/components/sign-out";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/session.server";
import { documentLabel } from "~/modules/reminders/document-kinds";
import { listDocuments } from "~/modules/reminders/documents.server";
import { pointsForKind } from "~/modules/reminders/points.server";

export const handle = { i18n: ["account", "reminders"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const FLASH = ["saved", "deleted", "resumed"] as const;

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const docs = await listDocuments(await getDb(), user.id);
  const t = await getFixedT(params.lang, "reminders");
  const done = new URL(request.url).searchParams.get("done");
  return {
    email: user.email,
    documents: docs.map((d) => ({
      ...d,
      label: documentLabel(t, d.kind, d.holderName),
      points: pointsForKind(d.kind),
    })),
    flash: FLASH.find((f) => f === done) ?? null,
    meta: { title: t("list.title") },
  };
}

export default function Reminders() {
  const { email, documents, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reminders");
  const lang = useLang();
  return (
    <>
      <AccountBar lang={lang} email={email} />
      <LiveStatus message={flash ? t(`list.${flash}`) : null} />
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.lead")}</p>
      <p>
        <Link className="button" to={`/${lang}/account/reminders/new`}>
          {t("list.add")}
        </Link>
      </p>
      {documents.length === 0 ? <p>{t("list.none")}</p> : null}
      <ul className="case-list">
        {documents.map((d) => (
          <DocumentCard key={d.id} lang={lang} doc={d} label={d.label} />
        ))}
      </ul>
      <p>
        <Link to={`/${lang}/account/cases`}>{t("list.back")}</Link>
      </p>
    </>
  );
}
