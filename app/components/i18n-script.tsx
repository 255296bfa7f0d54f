import { useTranslation } from "react-i18next";
import { useNonce } from "./nonce";

export const I18N_SCRIPT_ID = "i18n-resources";

/**
 * Ships the strings this page used, in the current locale only, as inert JSON. It renders last in the body, so on the
 * server every namespace the page read is known by then; other namespaces load on demand after client navigation.
 */
export function I18nScript() {
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const all = i18n.store?.data[i18n.language] ?? {};
  const used = (i18n as { usedNamespaces?: Set<string> }).usedNamespaces;
  const data = used ? Object.fromEntries(Object.entries(all).filter(([ns]) => used.has(ns))) : all;
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script id={I18N_SCRIPT_ID} type="application/json" nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: json }} />;
}
