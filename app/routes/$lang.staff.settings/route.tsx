import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { todayInTaipei } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/meta";
import { changeSettings, type SettingsIntent } from "~/modules/staff/settings-form.server";
import { getSlaSettings, listHolidays } from "~/modules/staff/settings.server";
import { staffAction, staffLoader } from "~/modules/staff/staff-page.server";
import { HolidaysSection } from "./holidays-section";
import { fieldId, TargetsForm } from "./targets-form";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const intents: SettingsIntent[] = ["targets", "addHoliday", "removeHoliday"];

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t } = await staffLoader(args, { supervisor: true });
  const url = new URL(args.request.url);
  const showPast = url.searchParams.get("past") === "1";
  const today = todayInTaipei();
  const [settings, upcoming, past] = await Promise.all([
    getSlaSettings(db),
    listHolidays(db, today, "upcoming"),
    showPast ? listHolidays(db, today, "past") : null,
  ]);
  const saved = intents.find((i) => i === url.searchParams.get("saved")) ?? null;
  return { meta: { title: t("settings.title") }, lang, role: user.role, settings, upcoming, past, saved };
}

export async function action(args: ActionFunctionArgs) {
  const { lang, db, actor, formData } = await staffAction(args, { supervisor: true });
  const result = await changeSettings(db, actor, formData);
  if (!result.ok) return json(result.problem, { status: result.status });
  return redirect(`/${lang}/staff/settings?saved=${result.saved}`, 303);
}

export default function Settings() {
  const { lang, settings, upcoming, past, saved } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>() ?? null;
  const { t } = useTranslation("staff");
  const summary = Object.entries(problem?.errors ?? {}).map(([name, messageKey]) => ({
    fieldId: fieldId(problem!.intent, name),
    messageKey,
  }));
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1>{t("settings.title")}</h1>
      {saved && !problem ? (
        <p className="notice" role="status">
          {t(`settings.saved.${saved}`)}
        </p>
      ) : null}
      <p className="lead">{t("settings.intro")}</p>
      <TargetsForm settings={settings} problem={problem?.intent === "targets" ? problem : null} />
      <HolidaysSection
        lang={lang}
        upcoming={upcoming}
        past={past}
        problem={problem?.intent === "targets" ? null : problem}
      />
    </>
  );
}
