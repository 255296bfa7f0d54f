import type { HeadersFunction } from "@remix-run/node";

/** Header for a response that shows a secret once (recovery codes, a new TOTP secret): no cache may keep it. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** A route's `headers`: the document rendered after an action that answered with NO_STORE is not stored either. */
export const noStoreAfterSecretAction: HeadersFunction = ({ actionHeaders }) => {
  const out = new Headers();
  if (actionHeaders.has("Cache-Control")) out.set("Cache-Control", "no-store");
  return out;
};
