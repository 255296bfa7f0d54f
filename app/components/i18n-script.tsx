import { useTranslation } from "react-i18next";
import { useNonce } from "./nonce";

export const I18N_SCRIPT_ID = "i18n-resources";

// On the server, one namespace's strings as escaped JSON, kept per resource object (every request in a language
// shares it, and nothing changes it after start-up). In the browser, loading a namespace may extend the objects.
const serialized = new WeakMap<object, string>();

function namespaceJson(resources: unknown): string {
  const cacheable = typeof document === "undefined" && typeof resources === "object" && resources !== null;
  let json = cacheable ? serialized.get(resources) : undefined;
  if (json === undefined) {
    json = JSON.stringify(resources).replace(/</g, "\\u003c");
    if (cacheable) serialized.set(resources, json);
  }
  return json;
}

/**
 * Ships the strings this page used, in the current locale only, as inert JSON. It renders last in the body, so on the
 * server every namespace the page read is known by then; other namespaces load on demand after client navigation.
 */
export function I18nScript() {
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const all = i18n.store?.data[i18n.language] ?? {};
  const used = (i18n as { usedNamespaces?: Set<string> }).usedNamespaces;
  const entries = Object.entries(all).filter(([ns]) => !used || used.has(ns));
  const json = `{${entries.map(([ns, resources]) => `${JSON.stringify(ns)}:${namespaceJson(resources)}`).join(",")}}`;
  return (
    <script
      id={I18N_SCRIPT_ID}
      type="application/json"
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: json }}
    />
  );
}
