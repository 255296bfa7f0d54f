import { useTranslation } from "react-i18next";

interface Props {
  /** The heading, already translated. */
  title: string;
  /** A new authenticator secret and its otpauth URI, when there is one. */
  totp?: { secret: string; otpauth: string };
  codes: string[];
}

/** Secrets and recovery codes shown right after they were made: they are stored only encrypted or hashed. */
export function OneTimeSecrets({ title, totp, codes }: Props) {
  const { t } = useTranslation("staff");
  return (
    <section className="card one-time" aria-labelledby="one-time-title">
      <h2 id="one-time-title" tabIndex={-1}>
        {title}
      </h2>
      <p>
        <strong>{t("security.shownOnce")}</strong>
      </p>
      {totp ? (
        <dl>
          <dt>{t("security.secret")}</dt>
          <dd>
            <code data-testid="totp-secret">{totp.secret}</code>
          </dd>
          <dt>{t("security.otpauth")}</dt>
          <dd>
            <code>{totp.otpauth}</code>
          </dd>
        </dl>
      ) : null}
      {totp ? <h3>{t("security.codesTitle")}</h3> : null}
      <p className="hint">{t("security.codesHint")}</p>
      <ol className="recovery-codes" aria-label={t("security.codesTitle")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
