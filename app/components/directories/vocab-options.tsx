import { useTranslation } from "react-i18next";

/** The options of a directory list field: a first, empty choice, then each code under its translated label. */
export function VocabOptions({
  list,
  emptyLabel,
}: {
  list: { vocab: readonly string[]; labels: string };
  emptyLabel: string;
}) {
  const { t } = useTranslation("directories");
  return (
    <>
      <option value="">{emptyLabel}</option>
      {list.vocab.map((code) => (
        <option key={code} value={code}>
          {t(`${list.labels}.${code}`)}
        </option>
      ))}
    </>
  );
}
