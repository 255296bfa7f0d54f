/** Dashboard periods and break-down dimensions (shared by the page and the queries). */
export const periods = ["week", "month"] as const;
export const dimensions = ["pathway", "topic", "kind", "office", "nationality", "lang"] as const;
export type Period = (typeof periods)[number];
export type Dimension = (typeof dimensions)[number];
