import { notFound } from "~/lib/http/responses";

export function loader() {
  throw notFound();
}

export default function CatchAll() {
  return null;
}
