import { useTranslation } from "react-i18next";
import { useNonce } from "./nonce";

export const I18N_SCRIPT_ID = "i18n-resources";

/** Ships the current locale's strings (and only those) to the browser as inert JSON. */
export function I18nScript() {
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const data = i18n.store?.data[i18n.language] ?? {};
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script id={I18N_SCRIPT_ID} type="application/json" nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: json }} />;
}
