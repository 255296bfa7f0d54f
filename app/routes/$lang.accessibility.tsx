import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProsePage } from "~/components/prose-page";
import { pageMeta } from "~/lib/meta";
import { proseLoader } from "~/modules/content/guides.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export const loader = ({ params }: LoaderFunctionArgs) => proseLoader(params, "accessibility");

export default function Accessibility() {
  const { title, html } = useLoaderData<typeof loader>();
  return <ProsePage title={title} html={html} />;
}
