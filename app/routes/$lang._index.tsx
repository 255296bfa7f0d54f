import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLang } from "~/lib/i18n/config";
import { formatNumber } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { notFound } from "~/lib/http/responses";
import { pageMeta } from "~/lib/meta";
import { PlanSource } from "~/components/source-note";
import { planFigures } from "~/modules/content/site.server";

// The home page is links and text: it ships no JavaScript (README decision 2026-12-02).
export const handle = { i18n: ["home"], pageCache: true, scripts: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "home");
  return { meta: { title: t("meta.title"), description: t("meta.description") }, figures: planFigures() };
}

const audiences = [
  { key: "professionals", to: "eligibility" },
  { key: "families", to: "family" },
  { key: "consultants", to: "contact" },
] as const;

export default function Home() {
  const { figures } = useLoaderData<typeof loader>();
  const { t } = useTranslation("home");
  const lang = useLang();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("hero.title")}</h1>
        <p className="lead">{t("hero.lead")}</p>
        <p className="button-row">
          <Link className="button" to={`/${lang}/eligibility`}>
            {t("hero.cta")}
          </Link>
          <Link className="button button-secondary" to={`/${lang}/pathways`}>
            {t("hero.secondary")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="audiences-title">
        <h2 id="audiences-title">{t("audiences.title")}</h2>
        <ul className="card-grid">
          {audiences.map((a) => (
            <li key={a.key} className="card">
              <h3>{t(`audiences.${a.key}.title`)}</h3>
              <p>{t(`audiences.${a.key}.body`)}</p>
              <Link to={`/${lang}/${a.to}`}>{t(`audiences.${a.key}.link`)}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("figures.title")}</h2>
        <dl className="figures">
          {figures.figures.map((f) => (
            <div key={f.id}>
              <dt>{t(`figures.${f.id}`)}</dt>
              <dd>{t(f.moreThan ? "figures.moreThan" : "figures.exactly", { value: formatNumber(lang, f.value) })}</dd>
            </div>
          ))}
        </dl>
        <PlanSource />
      </section>
    </>
  );
}
