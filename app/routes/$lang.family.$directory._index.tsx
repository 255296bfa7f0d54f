import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/lib/meta";
import { DirectoryListPage } from "~/components/directories/directory-list";
import { directoryListLoader } from "~/modules/directories/pages.server";

export const handle = { pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export const loader = (args: LoaderFunctionArgs) => directoryListLoader("family", args);

export default function DirectoryList() {
  return <DirectoryListPage data={useLoaderData<typeof loader>()} />;
}
