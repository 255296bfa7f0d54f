import i18next from "i18next";
import { namespaces } from "./config";

/** True once the browser holds every namespace of the current language. */
export function allNamespacesLoaded(): boolean {
  return namespaces.every((ns) => i18next.hasLoadedNamespace(ns));
}

/** Loads the namespaces the first page did not ship (one cached request each), so later pages render complete. */
export async function loadAllNamespaces(): Promise<void> {
  if (!allNamespacesLoaded()) await i18next.loadNamespaces([...namespaces]);
}
