import { readFileSync } from "node:fs";
import path from "node:path";
import { createInstance, type i18n as I18n, type Resource, type TFunction } from "i18next";
import { getEnv } from "../env.server";
import { defaultLang, langCodes, namespaces, type Lang, type Namespace } from "./config";

type Bundle = Record<string, unknown>;
let cache: Map<Lang, Record<Namespace, Bundle>> | undefined;

function readBundle(lang: Lang, ns: Namespace): Bundle {
  const file = path.resolve(process.cwd(), "locales", lang, `${ns}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Bundle;
}

/** Every locale's namespaces, read once from disk through the registry's allow-list. */
function allBundles() {
  if (!cache || getEnv().NODE_ENV === "development") {
    cache = new Map(
      langCodes.map((lang) => [
        lang,
        Object.fromEntries(namespaces.map((ns) => [ns, readBundle(lang, ns)])) as Record<Namespace, Bundle>,
      ]),
    );
  }
  return cache;
}

/** The resources the browser gets: the current locale's strings only. */
export function resourcesFor(lang: Lang): Record<Namespace, Bundle> {
  const bundles = allBundles().get(lang);
  if (!bundles) throw new Error(`No bundles for ${lang}`);
  return bundles;
}

export async function createI18n(lang: Lang): Promise<I18n> {
  const resources: Resource = { [lang]: resourcesFor(lang) };
  const instance = createInstance();
  await instance.init({
    lng: lang,
    fallbackLng: false,
    supportedLngs: [...langCodes],
    ns: [...namespaces],
    defaultNS: "common",
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    initImmediate: false,
  });
  return instance;
}

const fixed = new Map<Lang, Promise<I18n>>();

/** A translate function for loaders, actions, titles and emails. */
export async function getFixedT(lang: Lang, ns: Namespace | Namespace[] = "common"): Promise<TFunction> {
  let instance = fixed.get(lang);
  if (!instance || getEnv().NODE_ENV === "development") {
    instance = createI18n(lang);
    fixed.set(lang, instance);
  }
  return (await instance).getFixedT(lang, ns);
}

export { defaultLang };
