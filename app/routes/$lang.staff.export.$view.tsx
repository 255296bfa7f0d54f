import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/http/responses";
import { exportCsv, exportViews, type ExportView } from "~/modules/staff/exports.server";
import { staffLoader } from "~/modules/staff/staff-page.server";

/** CSV downloads for supervisors: /:lang/staff/export/(trend|breakdown|backlog|audit)?… */
export async function loader(args: LoaderFunctionArgs) {
  const { db, actor } = await staffLoader(args, { supervisor: true });
  const view = args.params.view ?? "";
  if (!(exportViews as readonly string[]).includes(view)) throw notFound();
  return exportCsv(db, actor, view as ExportView, new URL(args.request.url).searchParams);
}

export async function action(args: ActionFunctionArgs) {
  await staffLoader(args, { supervisor: true });
  throw notFound();
}
