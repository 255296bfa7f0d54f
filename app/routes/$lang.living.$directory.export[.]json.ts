import type { LoaderFunctionArgs } from "@remix-run/node";
import { directoryExport } from "~/modules/directories/pages.server";

export const loader = (args: LoaderFunctionArgs) => directoryExport("living", "json", args);
