import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLang } from "~/lib/i18n/use-lang";
import {
  routeChecklist,
  type ChecklistItem,
  type PresentedEvaluation,
  type SourceMap,
} from "~/modules/eligibility/present";
import { CriterionItem } from "./criterion-item";
import { RuleInfoSections } from "./rule-info";

type H = "h3" | "h4";

/** The route that qualifies (or the nearest miss), with its track's name when the pathway has several. */
export function Lead({ e, sources, H = "h3" }: { e: PresentedEvaluation; sources: SourceMap; H?: H }) {
  const { t } = useTranslation("eligibility");
  const lead = e.lead;
  if (!lead) return null;
  const shown = lead.criteria.flatMap((id) => e.criteria.find((c) => c.id === id) ?? []);
  const track = lead.trackId && e.tracks.length > 1 ? e.tracks.find((x) => x.id === lead.trackId) : undefined;
  return (
    <>
      <H>{t(`lead.${lead.kind}`)}</H>
      {track ? <p className="muted">{t(track.labelKey)}</p> : null}
      <ul className="criteria">
        {shown.map((c) => (
          <CriterionItem key={c.id} c={c} sources={sources} />
        ))}
      </ul>
    </>
  );
}

/** A route's checklist, as on results and on the application page. */
export function RouteChecklist({ items }: { items: ChecklistItem[] }) {
  const { t } = useTranslation("eligibility");
  return (
    <ul className="checklist">
      {items.map((i) => (
        <li key={i.id}>{t(i.key, i.itemKey ? { item: t(i.itemKey) } : {})}</li>
      ))}
    </ul>
  );
}

/** The next step for a positive result: apply (when open) or talk to a consultant, then the checklist of the route. */
export function NextStep({ e, checkId }: { e: PresentedEvaluation; checkId: string }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const items = routeChecklist(e);
  return (
    <>
      <h3>{t("results.nextStep")}</h3>
      <div className="button-row no-print">
        {e.openForApplications ? (
          <Link
            className="button"
            to={`/${lang}/account/applications/new?check=${encodeURIComponent(checkId)}&pathway=${e.pathway}`}
          >
            {t("results.startApplication")}
          </Link>
        ) : null}
        <Link className={e.openForApplications ? "button button-secondary" : "button"} to={`/${lang}/contact`}>
          {t("results.consultant")}
        </Link>
        <Link to={`/${lang}/pathways/${e.pathway}`} className="button-link">
          {t("results.readGuide")}
        </Link>
      </div>
      {items.length ? (
        <>
          <h4>{t("results.checklist")}</h4>
          <RouteChecklist items={items} />
        </>
      ) : null}
    </>
  );
}

/** Everything else the rules hold, folded: routes not claimed (neutral), then the other requirements checked,
 * benefits, links and the dates of the rules. */
export function Folded({
  e,
  sources,
  leadIds,
  children,
}: {
  e: PresentedEvaluation;
  sources: SourceMap;
  leadIds: Set<string>;
  children?: ReactNode;
}) {
  const { t } = useTranslation("eligibility");
  const rest = e.criteria.filter((c) => !leadIds.has(c.id));
  const others = rest.filter((c) => c.role === "route");
  const checked = rest.filter((c) => c.role === "required");
  const positive = e.outcome === "eligible" || e.outcome === "possibly-eligible";
  return (
    <div className="folds">
      {others.length ? (
        <details className="fold">
          <summary>{t("results.otherWays", { count: others.length })}</summary>
          <ul className="criteria">
            {others.map((c) => (
              <CriterionItem key={c.id} c={c} sources={sources} quiet />
            ))}
          </ul>
        </details>
      ) : null}
      <details className="fold">
        <summary>{t(positive ? "results.aboutPathway" : "results.aboutPathwayShort")}</summary>
        {checked.length ? (
          <>
            <h4>{t("results.alsoChecked", { count: checked.length })}</h4>
            <ul className="criteria">
              {checked.map((c) => (
                <CriterionItem key={c.id} c={c} sources={sources} quiet={c.status !== "unmet"} />
              ))}
            </ul>
          </>
        ) : null}
        {e.info ? (
          <RuleInfoSections
            pathway={e.pathway}
            info={e.info}
            sources={sources}
            headingLevel={4}
            documents={!positive}
          />
        ) : null}
        {children}
      </details>
    </div>
  );
}
