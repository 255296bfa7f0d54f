import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RadioGroup, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/session.server";
import { pathwayIds } from "~/modules/cases/cases.schema";
import { startDraft } from "~/modules/cases/drafts.server";
import { isPathwayId, openForApplications, openPathways } from "~/modules/cases/pathway-open.server";

export const handle = { i18n: ["cases"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

/** A pathway that is not open for applications (Global Elite Card, proposed rules) is refused here, before any write. */
const StartSchema = z.object({
  pathway: z
    .enum(pathwayIds, { errorMap: () => ({ message: "cases:errors.pathway" }) })
    .refine((p) => openForApplications(p), { message: "cases:errors.notOpen" }),
  check: z
    .string()
    .regex(/^[\w-]{8,64}$/)
    .optional(),
});

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  await requireUser(request);
  const search = new URL(request.url).searchParams;
  const asked = search.get("pathway");
  const pathway = isPathwayId(asked) ? asked : null;
  const check = /^[\w-]{8,64}$/.test(search.get("check") ?? "") ? search.get("check") : null;
  const t = await getFixedT(params.lang, "cases");
  const closed = pathway && !openForApplications(pathway) ? pathway : null;
  return { pathway: closed ? null : pathway, closed, check, open: openPathways(), meta: { title: t("start.title") } };
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: StartSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const id = await startDraft(await getDb(), user.id, {
    pathway: submission.value.pathway,
    checkId: submission.value.check,
  });
  return redirect(`/${params.lang}/account/applications/${id}`, 303);
}

export default function StartApplication() {
  const { pathway, closed, check, open } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("cases");
  const lang = useLang();
  const { form, fields, errors } = usePageForm<{ pathway: string; check: string }>(lastResult, {
    pathway: pathway ?? undefined,
  });
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("start.title")}</h1>
      {closed ? (
        <div className="notice">
          <p>{t("start.notOpen", { pathway: t(`common:pathways.${closed}`) })}</p>
          <p>
            <Link className="button" to={`/${lang}/contact/new`}>
              {t("start.consult")}
            </Link>
          </p>
        </div>
      ) : null}
      <p className="lead">{check && !closed ? t("start.fromCheck") : t("start.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        {check && !closed ? <input type="hidden" name="check" value={check} /> : null}
        <RadioGroup
          field={fields.pathway}
          label={t("start.pathway")}
          options={open.map((value) => ({ value, label: t(`common:pathways.${value}`) }))}
        />
        <button type="submit">{t("start.submit")}</button>
      </Form>
    </div>
  );
}
