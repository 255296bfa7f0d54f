import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/lib/meta";
import { EntryForm } from "~/components/directories/entry-form";
import { StatusForm } from "~/components/directories/staff-views";
import { staffFormAction, staffFormLoader } from "~/modules/directories/staff-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export const loader = (args: LoaderFunctionArgs) => staffFormLoader(args);

export const action = (args: ActionFunctionArgs) => staffFormAction(args);

export default function EditEntry() {
  const { kind, meta, entry } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{meta.title}</h1>
      <EntryForm
        kind={kind}
        entry={entry as Record<string, string | string[] | null>}
        lastResult={useActionData<typeof action>()}
      />
      <StatusForm status={String(entry?.status ?? "active")} />
    </>
  );
}
