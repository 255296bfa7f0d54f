import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { directoryTotals } from "~/modules/directories/directories.server";
import { DIRECTORY_KINDS, directoryPath } from "~/modules/directories/kinds";

export const handle = { pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "directories");
  return {
    meta: { title: t("living.title"), description: t("living.metaDescription") },
    totals: await directoryTotals(await getDb()),
  };
}

export default function LivingOverview() {
  const { totals } = useLoaderData<typeof loader>();
  const { t } = useTranslation("directories");
  const lang = useLang();
  return (
    <>
      <h1>{t("living.title")}</h1>
      <p className="lead">{t("living.lead")}</p>
      <ul className="card-grid">
        {DIRECTORY_KINDS.map((kind) => (
          <li key={kind} className="card">
            <h2 className="card-title">
              <Link to={directoryPath(lang, kind)}>{t(`kinds.${kind}.title`)}</Link>
            </h2>
            <p>{t(`kinds.${kind}.lead`)}</p>
            <p className="muted">{t("overview.entries", { count: totals[kind] })}</p>
          </li>
        ))}
        <li className="card">
          <h2 className="card-title">
            <Link to={`/${lang}/family`}>{t("overview.family")}</Link>
          </h2>
          <p>{t("overview.familyLead")}</p>
        </li>
      </ul>
    </>
  );
}
