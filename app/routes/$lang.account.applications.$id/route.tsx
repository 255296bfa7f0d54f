import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentsSection } from "~/components/documents-section";
import { RouteChecklist } from "~/components/eligibility/evaluation-parts";
import { usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary, LiveStatus } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { formatDate, formatDateTime } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/session.server";
import { DraftSaveSchema, type ApplicationData } from "~/modules/cases/cases.schema";
import { listDocuments } from "~/modules/cases/documents.server";
import { getDraft, saveDraft, submitDraft, submitSchema, uploadDraftDocument } from "~/modules/cases/drafts.server";
import { pathwayInfo } from "~/modules/cases/pathway-content.server";
import { checklistOfSnapshot } from "~/modules/eligibility/present.server";
import { ruleSetByVersion } from "~/modules/eligibility/rules.server";
import { parseUploadForm } from "~/modules/cases/upload-form.server";
import { linkFor } from "~/modules/notifications/outbox.server";
import { FamilySection, PathwaySection, PersonalSection } from "./sections";
import { countryOptions } from "~/lib/i18n/countries";

export const handle = { i18n: ["cases", "eligibility"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const draft = await getDraft(await getDb(), user.id, params.id ?? "");
  if (!draft) throw notFound();
  if (draft.reference) throw redirect(`/${params.lang}/account/cases/${draft.reference}`, 303);
  const t = await getFixedT(params.lang, "cases");
  const documents = await listDocuments(await getDb(), { draftId: draft.id });
  const snapshot = draft.eligibility_snapshot as { evaluation?: { outcome?: string } | null } | null;
  return {
    draft: {
      pathway: draft.pathway,
      data: draft.data,
      savedAt: draft.updated_at.toISOString(),
      outcome: snapshot?.evaluation?.outcome ?? null,
      rulesFrom: rulesFrom(params.lang, draft.rules_version),
    },
    documents: documents.map((d) => ({ id: d.id, filename: d.filename, checklist_item: d.checklist_item })),
    info: pathwayInfo(draft.pathway) ?? null,
    countries: countryOptions(params.lang),
    routeChecklist: checklistOfSnapshot(
      (draft.eligibility_snapshot as { evaluation?: unknown } | null)?.evaluation ?? null
    ),
    meta: { title: t("application.title", { pathway: t(`common:pathways.${draft.pathway}`) }) },
  };
}

/** Drops empty child rows before saving. */
function clean(data: ApplicationData): ApplicationData {
  return { ...data, children: (data.children ?? []).filter((c) => c && (c.name || c.age !== undefined)) };
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const db = await getDb();
  const draft = await getDraft(db, user.id, params.id ?? "");
  if (!draft) throw notFound();
  if (draft.reference) return redirect(`/${params.lang}/account/cases/${draft.reference}`, 303);
  const formData = await readForm(request);
  if (formData.get("intent") === "upload") {
    const upload = await parseUploadForm(formData);
    if (!upload.ok) return json({ upload: upload.result }, { status: 400 });
    await uploadDraftDocument(db, user.id, draft.id, upload.item, upload.file);
    return redirect(`/${params.lang}/account/applications/${draft.id}?uploaded=1`, 303);
  }
  const saved = parseWithZod(formData, { schema: DraftSaveSchema });
  if (saved.status !== "success") return json({ form: saved.reply() }, { status: 400 });
  await saveDraft(db, user.id, draft.id, clean(saved.value));
  if (formData.get("intent") !== "submit")
    return redirect(`/${params.lang}/account/applications/${draft.id}?saved=1`, 303);
  const strict = parseWithZod(formData, { schema: submitSchema(draft.pathway) });
  if (strict.status !== "success") return json({ form: strict.reply() }, { status: 400 });
  const result = await submitDraft(db, user, draft.id, linkFor());
  if (!result.ok && result.reason === "not-open")
    return json({ form: strict.reply({ formErrors: ["cases:errors.notOpen"] }) }, { status: 400 });
  if (!result.ok) throw notFound();
  return redirect(`/${params.lang}/account/cases/${result.reference}?opened=1`, 303);
}

export default function ApplicationDraft() {
  const { draft, documents, info, countries, routeChecklist } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    | { form?: SubmissionResult<string[]>; upload?: SubmissionResult<string[]> }
    | undefined;
  const lastResult = actionData?.form;
  const { t } = useTranslation("cases");
  const lang = useLang();
  const [search] = useSearchParams();
  const defaults: ApplicationData = {
    office: "any",
    ...draft.data,
    children: [0, 1, 2, 3].map((i) => draft.data.children?.[i] ?? {}),
  };
  const { form, fields, errors } = usePageForm<ApplicationData>(lastResult, defaults);
  const notice = (key: string | null) =>
    key === "saved" ? t("application.saved", { date: formatDateTime(lang, draft.savedAt) }) : key ? t(key) : null;
  const childFields = fields.children.getFieldList().map((f) => f.getFieldset() as never);
  return (
    <>
      <ErrorSummary errors={errors} />
      <p>
        <Link to={`/${lang}/account/cases`} className="back-link">
          {t("case.back")}
        </Link>
      </p>
      <LiveStatus
        message={
          actionData
            ? null
            : notice(
                search.get("uploaded")
                  ? "case.done.upload"
                  : search.get("saved")
                  ? "saved"
                  : search.get("welcome")
                  ? "application.welcome"
                  : null
              )
        }
      />
      <h1>{t("application.title", { pathway: t(`common:pathways.${draft.pathway}`) })}</h1>
      <p className="lead">{t("application.lead")}</p>
      {draft.outcome ? (
        <p className="card">
          {t("application.fromCheck", { outcome: t(`outcomes.${draft.outcome}`), from: draft.rulesFrom })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <PersonalSection fields={fields as never} countries={countries} />
        <FamilySection fields={fields as never} children={childFields} />
        <PathwaySection fields={fields as never} pathway={draft.pathway} />
        <div className="button-row">
          <button type="submit" name="intent" value="submit">
            {t("application.submit")}
          </button>
          <button type="submit" name="intent" value="save" className="secondary">
            {t("application.save")}
          </button>
        </div>
        <p className="muted">{t("application.submitNote")}</p>
      </Form>
      {routeChecklist.length ? (
        <section aria-labelledby="route-checklist">
          <h2 id="route-checklist">{t("eligibility:results.checklist")}</h2>
          <RouteChecklist items={routeChecklist} />
        </section>
      ) : null}
      <DocumentsSection lang={lang} info={info} documents={documents} open lastResult={actionData?.upload} />
    </>
  );
}

/** The date the draft's rules took effect, in the reader's words (never the internal version id). */
function rulesFrom(lang: Parameters<typeof formatDate>[0], version: string | null): string {
  const rs = version ? ruleSetByVersion(version) : undefined;
  return rs ? formatDate(lang, rs.effectiveFrom) : "";
}
