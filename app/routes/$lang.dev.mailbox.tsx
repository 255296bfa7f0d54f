import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { formatDateTime } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { renderEmail } from "~/modules/notifications/mail.server";
import { listRecentEmails } from "~/modules/notifications/outbox.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

/** Development only: the emails in the outbox, rendered. Production answers 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang) || !getEnv().demo) throw notFound();
  const rows = await listRecentEmails(await getDb());
  const emails = await Promise.all(
    rows.map(async (r) => ({
      id: String(r.id),
      to: r.to_address,
      status: r.status,
      lang: r.lang,
      createdAt: r.created_at.toISOString(),
      ...(await renderEmail(r)),
    }))
  );
  const t = await getFixedT(params.lang, "account");
  return { emails, meta: { title: t("mailbox.title") } };
}

export default function Mailbox() {
  const { emails } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const lang = useLang();
  return (
    <>
      <h1>{t("mailbox.title")}</h1>
      <p className="lead">{t("mailbox.lead")}</p>
      {emails.length === 0 ? <p>{t("mailbox.empty")}</p> : null}
      <ol className="mailbox">
        {emails.map((e) => (
          <li key={e.id} className="card">
            <article aria-label={e.subject}>
              <h2>{e.subject}</h2>
              <p className="muted">
                {t("mailbox.meta", {
                  to: e.to,
                  date: formatDateTime(lang, e.createdAt),
                  status: e.status,
                  lang: e.lang,
                })}
              </p>
              <pre className="mail-body" lang={e.lang}>
                {e.text}
              </pre>
              {e.url ? (
                <p>
                  <a href={e.url}>{t("mailbox.openLink")}</a>
                </p>
              ) : null}
              {e.links.map((l) => (
                <p key={l.url}>
                  <a href={l.url}>{l.label}</a>
                </p>
              ))}
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
