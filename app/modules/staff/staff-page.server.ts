import type { AppLoadContext } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang, type Lang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { offices } from "~/modules/content/site.server";
import type { Actor } from "./case-commands.server";
import { auditContext, requireStaffWith2fa, requireSupervisor, type StaffUser } from "./staff-session.server";

interface Args {
  request: Request;
  params: Record<string, string | undefined>;
  context: AppLoadContext;
}

/** The opening of every staff loader: language, a staff member with 2FA (else 404), the db and translations. */
export async function staffLoader({ request, params, context }: Args, options: { supervisor?: boolean } = {}) {
  if (!isLang(params.lang)) throw notFound();
  const lang: Lang = params.lang;
  const user = options.supervisor ? await requireSupervisor(request) : await requireStaffWith2fa(request);
  const [db, t] = await Promise.all([getDb(), getFixedT(lang, "staff")]);
  const actor: Actor = { ...auditContext(user, request, context), role: user.role, office: user.office };
  return { lang, user, db, t, actor };
}

/** The same for actions, plus the CSRF check and the form data. */
export async function staffAction(args: Args, options: { supervisor?: boolean } = {}) {
  const base = await staffLoader(args, options);
  const formData = await args.request.formData();
  requireCsrf(args.request, formData);
  return { ...base, formData };
}

/** Office ids from content/site/offices.json. */
export async function officeIds(): Promise<string[]> {
  return (await offices()).offices.map((o) => o.id);
}

export type { StaffUser };
