import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { locales } from "~/lib/i18n/config";
import { pageMeta } from "~/lib/meta";
import { CannedSchema, changeCanned, listAllCanned } from "~/modules/staff/canned.server";
import { staffAction, staffLoader } from "~/modules/staff/staff-page.server";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t } = await staffLoader(args, { supervisor: true });
  return { meta: { title: t("canned.title") }, lang, role: user.role, replies: await listAllCanned(db) };
}

export async function action(args: ActionFunctionArgs) {
  const { lang, db, actor, formData } = await staffAction(args, { supervisor: true });
  const parsed = CannedSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return json({ error: "staff:errors.invalid" }, { status: 400 });
  await changeCanned(db, actor, parsed.data);
  return redirect(`/${lang}/staff/canned`, 303);
}

export default function Canned() {
  const { lang, replies } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <>
      <ErrorSummary errors={failed ? [{ fieldId: "title", messageKey: failed.error }] : []} />
      <h1>{t("canned.title")}</h1>
      <Form method="post" className="card narrow">
        <CsrfInput />
        <input type="hidden" name="intent" value="add" />
        <div className="field">
          <label htmlFor="lang">{t("canned.lang")}</label>
          <select id="lang" name="lang" defaultValue={lang}>
            {locales.map((l) => (
              <option key={l.code} value={l.code}>
                {l.nativeName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="title">{t("canned.name")}</label>
          <input id="title" name="title" />
        </div>
        <div className="field">
          <label htmlFor="body">{t("canned.body")}</label>
          <textarea id="body" name="body" rows={4} />
        </div>
        <button type="submit">{t("canned.add")}</button>
      </Form>
      <h2>{t("canned.existing")}</h2>
      <ul className="card-grid">
        {replies.map((r) => (
          <li key={r.id} className="card" lang={r.lang}>
            <h3>
              {r.title} <span className="muted">({r.lang})</span>
            </h3>
            <p>{r.body}</p>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="archive" />
              <input type="hidden" name="id" value={r.id} />
              <button type="submit" className="secondary" aria-label={t("canned.archiveOne", { title: r.title })}>
                {t("canned.archive")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}
