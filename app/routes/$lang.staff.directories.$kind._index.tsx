import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageMeta } from "~/lib/meta";
import { StaffList } from "~/components/directories/staff-views";
import { staffListLoader } from "~/modules/directories/staff-pages.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export const loader = (args: LoaderFunctionArgs) => staffListLoader(args);

export default function StaffDirectory() {
  const data = useLoaderData<typeof loader>();
  return <StaffList kind={data.kind} rows={data.rows} stale={data.stale} saved={data.saved} imported={data.imported} />;
}
