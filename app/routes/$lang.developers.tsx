import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { formatDate, formatNumber } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { apiReference } from "~/modules/eligibility/api-docs.server";

export const handle = { i18n: ["eligibility"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "eligibility");
  return {
    ...(await apiReference(params.lang, new URL(request.url).origin)),
    meta: { title: t("api.title"), description: t("api.lead") },
  };
}

export default function Developers() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  return (
    <>
      <h1>{t("api.title")}</h1>
      <p className="lead">{t("api.lead")}</p>
      <p>{t("api.guidance")}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("api.openapiLink")}</a>
      </p>
      <h2>{t("api.endpoints")}</h2>
      {data.operations.map((op) => (
        <section key={op.id} className="api-operation" aria-labelledby={`op-${op.id}`}>
          <h3 id={`op-${op.id}`}>
            <code>
              {op.method.toUpperCase()} {op.path}
            </code>
          </h3>
          <p>{t(`api.ops.${op.id}`)}</p>
          <CodeTerms className="api-statuses" items={op.statuses.map((s) => [s, t(`api.statuses.${s}`)])} />
        </section>
      ))}
      <h2>{t("api.languageTitle")}</h2>
      <p>{t("api.language", { langs: data.langs.join(", ") })}</p>
      <h2>{t("api.datesTitle")}</h2>
      <p>
        {t("api.dates", {
          earliest: formatDate(lang, data.earliest),
          latest: formatDate(lang, data.latest),
          years: data.horizonYears,
        })}
      </p>
      <h2>{t("api.statusTitle")}</h2>
      <CodeTerms items={data.ruleSetStatuses.map((s) => [s, t(`api.ruleSetStatus.${s}`)])} />
      <h2>{t("api.limitsTitle")}</h2>
      <ul>
        <li>{t("api.limits.body", { kb: formatNumber(lang, data.maxBodyKb) })}</li>
        <li>{t("api.limits.issues", { count: data.maxIssues })}</li>
        <li>{t("api.limits.pathways")}</li>
        <li>{t("api.limits.claims")}</li>
      </ul>
      <h2>{t("api.exampleTitle")}</h2>
      <p>{t("api.exampleRequest")}</p>
      <pre className="code-block" tabIndex={0}>
        <code>{data.example.curl}</code>
      </pre>
      <details>
        <summary>{t("api.exampleResponse")}</summary>
        <pre className="code-block" tabIndex={0}>
          <code>{data.example.response}</code>
        </pre>
      </details>
    </>
  );
}

/** Machine words (status codes, statuses) with their meaning. */
function CodeTerms({ items, className }: { items: [string, string][]; className?: string }) {
  return (
    <dl className={className}>
      {items.map(([code, text]) => (
        <div key={code}>
          <dt>
            <code>{code}</code>
          </dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
