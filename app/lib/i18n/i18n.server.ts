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

/** Every locale's namespaces, read once from disk. */
function allBundles() {
  if (!cache || getEnv().NODE_ENV === "development") {
    cache = new Map(
      langCodes.map((lang) => [
        lang,
        Object.fromEntries(namespaces.map((ns) => [ns, readBundle(lang, ns)])) as Record<Namespace, Bundle>,
      ])
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

/** The namespaces a render read, so the page ships those strings and no others (see I18nScript). */
export interface TrackedI18n extends I18n {
  usedNamespaces?: Set<string>;
}

const alwaysShipped = ["common", "errors"];

/** Records every namespace the render asks for: `useTranslation(ns)` and `t("ns:key")` alike. */
function trackNamespaces(instance: TrackedI18n): void {
  const used = new Set<string>(alwaysShipped);
  const known = new Set<string>(namespaces);
  const note = (ns: unknown) => {
    for (const n of [ns].flat()) if (typeof n === "string" && known.has(n)) used.add(n);
  };
  const getFixedT = instance.getFixedT.bind(instance);
  instance.getFixedT = ((lng: string | null, ns?: string | string[], keyPrefix?: string) => {
    note(ns);
    const t = getFixedT(lng, ns as Namespace, keyPrefix);
    const tracked = (key: unknown, ...rest: unknown[]) => {
      for (const k of [key].flat()) if (typeof k === "string" && k.includes(":")) note(k.slice(0, k.indexOf(":")));
      const options = rest[0];
      if (options && typeof options === "object" && "ns" in options) note((options as { ns?: unknown }).ns);
      return (t as unknown as (...args: unknown[]) => unknown)(key, ...rest);
    };
    return Object.assign(tracked, t);
  }) as I18n["getFixedT"];
  instance.usedNamespaces = used;
}

const renderBase = new Map<Lang, Promise<I18n>>();

/**
 * A per-request instance for rendering: every namespace available, the ones used recorded. It is a clone of one
 * initialised instance per language (sharing its resource store): initialising i18next anew cost ~8 ms a request.
 */
export async function createRenderI18n(lang: Lang): Promise<TrackedI18n> {
  let base = renderBase.get(lang);
  if (!base || getEnv().NODE_ENV === "development") {
    base = createI18n(lang);
    renderBase.set(lang, base);
  }
  const instance: TrackedI18n = (await base).cloneInstance({ lng: lang, initImmediate: false });
  trackNamespaces(instance);
  return instance;
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
