import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReportForm } from "~/components/directories/report-form";
import { pageMeta } from "~/lib/meta";
import { correctionAction, correctionLoader } from "~/modules/directories/report-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export const loader = (args: LoaderFunctionArgs) => correctionLoader("living", args);

export const action = (args: ActionFunctionArgs) => correctionAction("living", args);

export default function ReportChange() {
  return <ReportForm data={useLoaderData<typeof loader>()} lastResult={useActionData<typeof action>()} />;
}
