import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { exportUserData } from "~/modules/accounts/privacy.server";
import { requireUser } from "~/modules/accounts/session.server";

/** The signed-in person's data as a JSON download. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const data = await exportUserData(await getDb(), user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="talent-taiwan-my-data.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
