import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/lib/meta";
import { ImportView, type ImportResult } from "~/components/directories/import-view";
import { staffImportAction, staffImportLoader } from "~/modules/directories/staff-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export const loader = (args: LoaderFunctionArgs) => staffImportLoader(args);

export const action = (args: ActionFunctionArgs) => staffImportAction(args);

export default function ImportEntries() {
  const { kind, columns } = useLoaderData<typeof loader>();
  return (
    <ImportView kind={kind} columns={columns} result={useActionData<typeof action>() as ImportResult | undefined} />
  );
}
