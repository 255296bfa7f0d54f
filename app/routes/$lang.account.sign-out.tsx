import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { endSession, safeRedirect } from "~/modules/accounts/session.server";

export async function loader() {
  throw notFound();
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const to = (await readForm(request)).get("redirectTo");
  const headers = { "Set-Cookie": await endSession(request) };
  return redirect(to ? safeRedirect(to, params.lang) : `/${params.lang}`, { status: 303, headers });
}
