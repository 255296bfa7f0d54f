import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatDateTime } from "~/lib/i18n/format";

export interface EventView {
  id: string;
  kind: string;
  visibility: string;
  body: string | null;
  data: unknown;
  created_at: string | Date;
  author_name: string | null;
  author_role: string | null;
}

function describe(t: (key: string, values?: Record<string, unknown>) => string, e: EventView): string {
  const data = (e.data ?? {}) as Record<string, unknown>;
  if (e.kind === "status")
    return t("events.status", { from: t(`status.${String(data.from)}`), to: t(`status.${String(data.to)}`) });
  if (e.kind === "assignment") return t("events.assignment");
  if (e.kind === "update") return t("events.update");
  return t(`events.${e.kind}`, { defaultValue: e.kind });
}

/** The case history: public messages and internal notes drawn apart, each labelled for who can see it. */
export function Conversation({ lang, events }: { lang: Lang; events: EventView[] }) {
  const { t } = useTranslation("staff");
  return (
    <ol className="conversation">
      {events.map((e) => {
        const internal = e.visibility === "internal";
        const message = e.kind === "message" || e.kind === "note";
        return (
          <li
            key={e.id}
            className={`event ${internal ? "event-internal" : "event-public"} ${
              message ? "event-message" : "event-meta"
            }`}
          >
            <p className="event-head">
              <strong>{internal ? t("events.internalLabel") : t("events.publicLabel")}</strong>
              {" · "}
              {e.author_name ?? t("events.system")} ·{" "}
              <time dateTime={new Date(e.created_at).toISOString()}>{formatDateTime(lang, e.created_at)}</time>
            </p>
            {message ? (
              <p className="event-body">{e.body}</p>
            ) : (
              <p className="event-body">
                {describe(t, e)}
                {e.body ? `: ${e.body}` : ""}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
