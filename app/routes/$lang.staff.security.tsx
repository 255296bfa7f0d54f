import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { OneTimeSecrets } from "~/components/staff/one-time-secrets";
import { NO_STORE, noStoreAfterSecretAction } from "~/lib/http/no-store";
import { pageMeta } from "~/lib/meta";
import {
  countUnusedRecoveryCodes,
  regenerateRecoveryCodes,
  RECOVERY_CODE_COUNT,
} from "~/modules/staff/recovery.server";
import { staffAction, staffLoader } from "~/modules/staff/staff-page.server";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);
export const headers = noStoreAfterSecretAction;

const RegenerateSchema = z.object({ intent: z.literal("regenerate") });

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t } = await staffLoader(args);
  return {
    meta: { title: t("security.title") },
    lang,
    role: user.role,
    remaining: await countUnusedRecoveryCodes(db, user.id),
    total: RECOVERY_CODE_COUNT,
  };
}

/** New codes are rendered in this response, not after a redirect: only their hashes are stored (README "Decisions"). */
export async function action(args: ActionFunctionArgs) {
  const { db, actor, formData } = await staffAction(args);
  if (!RegenerateSchema.safeParse(Object.fromEntries(formData)).success)
    return json({ error: "staff:security.invalid" as const, codes: null }, { status: 400 });
  const codes = await regenerateRecoveryCodes(db, actor);
  return json({ error: null, codes }, { headers: NO_STORE });
}

export default function Security() {
  const { remaining, total } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <>
      <ErrorSummary errors={result?.error ? [{ fieldId: "regenerate", messageKey: result.error }] : []} />
      <h1>{t("security.title")}</h1>
      <p>{t("security.intro")}</p>
      {result?.codes ? <OneTimeSecrets title={t("security.newCodes")} codes={result.codes} /> : null}
      <h2>{t("security.codesTitle")}</h2>
      <p data-testid="remaining">{t("security.remaining", { unused: remaining, total })}</p>
      <Form method="post" className="card narrow">
        <CsrfInput />
        <input type="hidden" name="intent" value="regenerate" />
        <p>{t("security.regenerateHint")}</p>
        <button type="submit" id="regenerate">
          {t("security.regenerate")}
        </button>
      </Form>
    </>
  );
}
