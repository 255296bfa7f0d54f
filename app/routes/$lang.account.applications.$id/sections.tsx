import type { FieldMetadata } from "@conform-to/react";
import { localeInfo } from "~/lib/i18n/config";
import { useTranslation } from "react-i18next";
import { RadioGroup, SelectField, TextArea, TextField } from "~/components/fields";
import { goldCardFields, officeIds, prefLangs, type ApplicationData } from "~/modules/cases/cases.schema";

type Country = { code: string; name: string };
type Fields = { [K in keyof Required<ApplicationData>]: FieldMetadata<unknown> };
type ChildFields = { name: FieldMetadata<unknown>; age: FieldMetadata<unknown> };

/** Name as in passport, nationality, passport, date of birth, contact, language. */
export function PersonalSection({ fields, countries }: { fields: Fields; countries: Country[] }) {
  const { t } = useTranslation("cases");
  return (
    <fieldset className="form-section">
      <legend>
        <h2>{t("application.personal")}</h2>
      </legend>
      <TextField
        field={fields.fullName}
        label={t("application.fullName")}
        hint={t("application.fullNameHint")}
        autoComplete="name"
      />
      <SelectField
        field={fields.nationality}
        label={t("application.nationality")}
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        placeholder={t("application.nationalityChoose")}
      />
      <TextField field={fields.passportNumber} label={t("application.passportNumber")} width="short" />
      <TextField
        field={fields.dateOfBirth}
        label={t("application.dateOfBirth")}
        hint={t("application.dateHint")}
        type="date"
        width="short"
        autoComplete="bday"
      />
      <TextField
        field={fields.phone}
        label={t("application.phone")}
        type="tel"
        optional
        width="short"
        autoComplete="tel"
      />
      <RadioGroup
        field={fields.preferredLang}
        label={t("application.preferredLang")}
        options={prefLangs.map((value) => ({ value, label: localeInfo(value).nativeName }))}
      />
      <RadioGroup
        field={fields.office}
        label={t("consultation.office")}
        options={officeIds.map((value) => ({ value, label: t(`offices.${value}`) }))}
      />
    </fieldset>
  );
}

/** Spouse, up to four children with ages, parents. */
export function FamilySection({ fields, children }: { fields: Fields; children: ChildFields[] }) {
  const { t } = useTranslation("cases");
  return (
    <fieldset className="form-section">
      <legend>
        <h2>{t("application.family")}</h2>
      </legend>
      <p className="hint">{t("application.familyHint")}</p>
      <TextField field={fields.spouseName} label={t("application.spouseName")} optional />
      {children.map((child, i) => (
        <div className="child-row" key={child.name.key ?? i}>
          <TextField field={child.name} label={t("application.childName", { n: i + 1 })} optional />
          <TextField
            field={child.age}
            label={t("application.childAge", { n: i + 1 })}
            type="number"
            optional
            width="short"
          />
        </div>
      ))}
      <TextField
        field={fields.parents}
        label={t("application.parents")}
        hint={t("application.parentsHint")}
        type="number"
        optional
        width="short"
      />
    </fieldset>
  );
}

/** The pathway's own questions. */
export function PathwaySection({ fields, pathway }: { fields: Fields; pathway: string }) {
  const { t } = useTranslation("cases");
  return (
    <fieldset className="form-section">
      <legend>
        <h2>{t("application.pathwayFields", { pathway: t(`common:pathways.${pathway}`) })}</h2>
      </legend>
      {pathway === "gold-card" ? (
        <SelectField
          field={fields.field}
          label={t("application.field")}
          placeholder={t("application.choose")}
          options={goldCardFields.map((value) => ({ value, label: t(`goldCardFields.${value}`) }))}
        />
      ) : null}
      <TextArea
        field={fields.qualification}
        label={t("application.qualification")}
        hint={t("application.qualificationHint")}
      />
      <TextField field={fields.employer} label={t("application.employer")} optional />
    </fieldset>
  );
}
