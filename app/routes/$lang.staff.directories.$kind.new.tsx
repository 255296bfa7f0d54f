import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/lib/meta";
import { EntryForm } from "~/components/directories/entry-form";
import { staffFormAction, staffFormLoader } from "~/modules/directories/staff-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export const loader = (args: LoaderFunctionArgs) => staffFormLoader(args);

export const action = (args: ActionFunctionArgs) => staffFormAction(args);

export default function NewEntry() {
  const { kind, meta } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{meta.title}</h1>
      <EntryForm kind={kind} entry={null} lastResult={useActionData<typeof action>()} />
    </>
  );
}
