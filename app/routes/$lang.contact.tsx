import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { notFound } from "~/lib/http/responses";
import { pageMeta } from "~/lib/meta";
import { offices } from "~/modules/content/site.server";

export const handle = { pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "contact");
  return { meta: { title: t("meta.title"), description: t("meta.description") }, offices: offices() };
}

const services = ["visa", "housing", "banking", "education", "tax"] as const;

/** Addresses and places exist in Chinese and English only: Chinese readers get Chinese, everyone else English. */
function Place({ lang, text }: { lang: string; text: { en: string; "zh-TW": string } }) {
  const shown = lang === "zh-TW" ? "zh-TW" : "en";
  return <span lang={shown}>{text[shown]}</span>;
}

export default function Contact() {
  const { offices: data } = useLoaderData<typeof loader>();
  const { t } = useTranslation("contact");
  const lang = useLang();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>{t("askLead")}</p>
      <p>
        <Link className="button" to={`/${lang}/contact/new`}>
          {t("ask")}
        </Link>
      </p>
      <h2>{t("services.title")}</h2>
      <ul>
        {services.map((s) => (
          <li key={s}>{t(`services.items.${s}`)}</li>
        ))}
      </ul>
      <h2>{t("offices.title")}</h2>
      <ul className="card-grid">
        {data.offices.map((o) => {
          const source = data.sources[o.source];
          return (
            <li key={o.id} className="card">
              <h3>{t(`offices.${o.id}`)}</h3>
              <p>
                {o.openedOn ? t("offices.opened", { date: formatDate(lang, o.openedOn) }) : t("offices.openedUnknown")}
              </p>
              {o.address ? (
                <p>
                  {t("offices.address")}: <Place lang={lang} text={o.address} />
                </p>
              ) : (
                <>
                  {o.location ? (
                    <p>
                      {t("offices.location")}: <Place lang={lang} text={o.location} />
                    </p>
                  ) : null}
                  <p>{t("offices.noAddress")}</p>
                </>
              )}
              {source ? (
                <p className="source-note">
                  <a href={source.url} rel="noreferrer">
                    {t("sourceLink", {
                      publisher: source.publisher,
                      date: formatDate(lang, source.retrievedOn, "medium"),
                    })}
                  </a>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <h2>{t("reach.title")}</h2>
      <p>{t("reach.silent")}</p>
      <p>
        <a href="https://talent.nat.gov.tw/" rel="noreferrer">
          {t("reach.official")}
        </a>
      </p>
      <p className="muted">{t("lastReviewed", { date: formatDate(lang, data.lastReviewed) })}</p>
    </>
  );
}
