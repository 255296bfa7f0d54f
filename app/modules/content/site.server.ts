import { readContentJson } from "./content.server";
import { OfficesSchema, PlanFiguresSchema } from "./site.schema";

/** The plan's headline figures. */
export const planFigures = () => readContentJson("site/plan-figures.json", PlanFiguresSchema);

/** Talent Taiwan's offices with their sources. */
export const offices = () => readContentJson("site/offices.json", OfficesSchema);
