import { RemixBrowser } from "@remix-run/react";
import i18next, { type BackendModule } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { I18N_SCRIPT_ID } from "~/components/i18n-script";

/** Loads a namespace the first page did not ship (after client-side navigation); react-i18next suspends meanwhile. */
const fetchBackend: BackendModule = {
  type: "backend",
  init() {},
  read(lng, ns, callback) {
    fetch(`/locales/${encodeURIComponent(lng)}/${encodeURIComponent(ns)}`)
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`${res.status} for ${lng}/${ns}`))))
      .then(
        (data: object) => callback(null, data as never),
        (error: Error) => callback(error, false)
      );
  },
};

async function hydrate() {
  const lang = document.documentElement.lang;
  const resources = JSON.parse(document.getElementById(I18N_SCRIPT_ID)?.textContent ?? "{}") as Record<string, object>;
  await i18next
    .use(fetchBackend)
    .use(initReactI18next)
    .init({
      lng: lang,
      fallbackLng: false,
      ns: Object.keys(resources),
      defaultNS: "common",
      resources: { [lang]: resources },
      partialBundledLanguages: true,
      load: "currentOnly",
      react: { useSuspense: false },
      interpolation: { escapeValue: false },
    });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>
    );
  });
}

void hydrate();
