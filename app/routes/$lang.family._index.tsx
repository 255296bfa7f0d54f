import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { guideHtml } from "~/modules/content/guides.server";
import { directoryPath } from "~/modules/directories/kinds";

export const handle = { pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "directories");
  const html = guideHtml("family", params.lang);
  if (!html) throw notFound();
  return { meta: { title: t("family.title"), description: t("family.metaDescription") }, guideHtml: html };
}

export default function FamilyHub() {
  const { guideHtml } = useLoaderData<typeof loader>();
  const { t } = useTranslation("directories");
  const lang = useLang();
  return (
    <>
      <h1>{t("family.title")}</h1>
      <p className="lead">{t("family.lead")}</p>
      <nav aria-labelledby="family-directories" className="card">
        <h2 id="family-directories" className="card-title">
          {t("family.directories")}
        </h2>
        <ul>
          {(["schools", "banks", "rentals"] as const).map((kind) => (
            <li key={kind}>
              <Link to={directoryPath(lang, kind)}>{t(`kinds.${kind}.title`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Rendered on the server from our own Markdown with raw HTML disabled. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: guideHtml }} />
      <p className="source-note">{t("family.guideSource")}</p>
    </>
  );
}
