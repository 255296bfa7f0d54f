import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/lib/meta";
import { EntryDetail } from "~/components/directories/entry-detail";
import { directoryEntryLoader } from "~/modules/directories/pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export const loader = (args: LoaderFunctionArgs) => directoryEntryLoader("family", args);

export default function DirectoryEntry() {
  const { kind, entry, reported } = useLoaderData<typeof loader>();
  return <EntryDetail kind={kind} entry={entry} reported={reported} />;
}
