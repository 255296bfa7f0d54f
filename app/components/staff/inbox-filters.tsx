import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { locales } from "~/lib/i18n/config";
import { pathwayIds } from "~/modules/cases/cases.schema";
import type { InboxFilters } from "~/modules/staff/inbox.schema";
import { caseKinds, caseStatuses, inboxSorts } from "~/modules/staff/inbox.schema";

interface Props {
  filters: InboxFilters;
  offices: string[];
  staff: { id: string; name: string | null }[];
  /** Named on the server: browsers' ICU data names a few countries differently, which would break hydration. */
  countries: { code: string; name: string }[];
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: [string, string][];
}) {
  const { t } = useTranslation("staff");
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("filters.any")}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** GET form: every filter lives in the URL, so views can be shared and work without JavaScript. */
export function InboxFilterForm({ filters, offices, staff, countries: list }: Props) {
  const { t } = useTranslation("staff");
  const countries = list.map((c): [string, string] => [c.code, c.name]);
  return (
    <Form method="get" className="inbox-filters" aria-label={t("filters.label")}>
      <input type="hidden" name="tab" value={filters.tab} />
      <div className="field field-wide">
        <label htmlFor="f-q">{t("filters.q")}</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} />
      </div>
      <Select
        name="status"
        label={t("filters.status")}
        value={filters.status}
        options={caseStatuses.map((s) => [s, t(`status.${s}`)])}
      />
      <Select
        name="kind"
        label={t("filters.kind")}
        value={filters.kind}
        options={caseKinds.map((k) => [k, t(`kind.${k}`)])}
      />
      <Select
        name="office"
        label={t("filters.office")}
        value={filters.office}
        options={offices.map((o) => [o, t(`office.${o}`)])}
      />
      <Select
        name="assignee"
        label={t("filters.assignee")}
        value={filters.assignee}
        options={[["none", t("filters.nobody")], ...staff.map((s): [string, string] => [s.id, s.name ?? s.id])]}
      />
      <Select
        name="lang"
        label={t("filters.lang")}
        value={filters.lang}
        options={locales.map((l): [string, string] => [l.code, l.nativeName])}
      />
      <Select name="nationality" label={t("filters.nationality")} value={filters.nationality} options={countries} />
      <Select
        name="pathway"
        label={t("filters.pathway")}
        value={filters.pathway}
        options={pathwayIds.map((p) => [p, t(`common:pathways.${p}`)])}
      />
      <Select
        name="sort"
        label={t("filters.sort")}
        value={filters.sort}
        options={inboxSorts.map((s) => [s, t(`sort.${s}`)])}
      />
      <div className="field field-check">
        <input id="f-vip" name="vip" type="checkbox" value="1" defaultChecked={filters.vip === "1"} />
        <label htmlFor="f-vip">{t("filters.vip")}</label>
      </div>
      <button type="submit">{t("filters.apply")}</button>
    </Form>
  );
}
