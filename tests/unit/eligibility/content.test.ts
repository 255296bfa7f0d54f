import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { criteriaOf } from "~/modules/eligibility/rules-check";
import { allFacts, allPathways, allSources, ruleSets } from "~/modules/eligibility/rules.server";
import { PATHWAYS } from "~/modules/eligibility/rules.schema";

type Tree = { [k: string]: string | Tree };
const bundle = (lng: string): Tree =>
  JSON.parse(readFileSync(path.resolve("locales", lng, "eligibility.json"), "utf8"));
const get = (t: Tree, key: string) =>
  key.split(".").reduce<Tree | string | undefined>((node, k) => (typeof node === "object" ? node[k] : undefined), t);

describe("eligibility content", () => {
  it("every rule file validates, cites known sources and reads only declared facts", () => {
    expect(() => ruleSets()).not.toThrow();
    expect(allPathways().map((p) => p.id)).toEqual([...PATHWAYS]);
    for (const p of allPathways()) expect(p.versions.length).toBeGreaterThan(0);
  });

  it("versions of a pathway do not overlap in time", () => {
    for (const { versions } of allPathways()) {
      for (let i = 1; i < versions.length; i++)
        expect(
          versions[i - 1]?.effectiveTo !== null && versions[i - 1]!.effectiveTo! < versions[i]!.effectiveFrom
        ).toBe(true);
    }
  });

  it("every Gold Card claim option belongs to a criterion, and every claim a criterion tests is an option", () => {
    const options = new Set(
      allFacts()
        .find((f) => f.id === "goldCardClaims")
        ?.options?.map((o) => o.value)
    );
    const tested = new Set(
      allPathways()
        .find((p) => p.id === "gold-card")!
        .versions.flatMap((rs) => criteriaOf(rs))
        .flatMap((c) => JSON.stringify(c.test ?? {}).match(/"op":"has","value":"([^"]+)"/g) ?? [])
        .map((m) => m.split('"value":"')[1]!.slice(0, -1))
    );
    expect([...tested].filter((v) => !options.has(v))).toEqual([]);
    expect([...options].filter((v) => !tested.has(v))).toEqual([]);
  });

  it("every source has a publisher and a retrieval date; unverified ones say so", () => {
    for (const s of Object.values(allSources())) expect(s.publisher.length).toBeGreaterThan(0);
    expect(Object.values(allSources()).some((s) => s.unverified)).toBe(true);
  });
});

describe("eligibility wording", () => {
  const en = bundle("en");
  it("every key the rules and facts use exists", () => {
    const needed = new Set<string>();
    for (const { id, versions } of allPathways()) {
      needed.add(`pathways.${id}.summary`);
      for (const rs of versions) {
        for (const c of criteriaOf(rs))
          [c.labelKey, c.evidenceKey].forEach((k) => k && needed.add(k.replace(/^eligibility:/, "")));
        rs.tracks.forEach((t) => needed.add(t.labelKey.replace(/^eligibility:/, "")));
        rs.documents.forEach((d) => needed.add(`documents.${id}.${d.id}`));
        rs.benefits.forEach((d) => needed.add(`benefits.${id}.${d.id}`));
        rs.fees.forEach((d) => needed.add(`fees.${id}.${d.id}`));
        rs.officialLinks.forEach((d) => needed.add(`links.${d.id}`));
        rs.labels?.forEach((d) => needed.add(`labels.${id}.${d.id}`));
        rs.notEncoded.forEach((d) => needed.add(`notEncoded.${id}.${d}`));
      }
    }
    for (const f of allFacts()) {
      needed.add(f.questionKey.replace(/^eligibility:/, ""));
      needed.add(`facts.${f.id}.label`);
      f.options?.forEach((o) => needed.add(`facts.${f.id}.options.${o.value}`));
    }
    expect([...needed].filter((k) => typeof get(en, k) !== "string")).toEqual([]);
  });

  it("every pathway has one name, in the common namespace, that results, guides and cases share", () => {
    const common: Tree = JSON.parse(readFileSync(path.resolve("locales", "en", "common.json"), "utf8"));
    expect(
      allPathways()
        .filter(({ id }) => typeof get(common, `pathways.${id}`) !== "string")
        .map(({ id }) => id)
    ).toEqual([]);
  });
});

describe("pathway guides", () => {
  it("every pathway has a guide", () => {
    const slugs = readdirSync(path.resolve("content/guides"));
    expect([...PATHWAYS].filter((p) => !slugs.includes(p))).toEqual([]);
  });
});
