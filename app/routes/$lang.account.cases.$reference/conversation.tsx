import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatDateTime } from "~/lib/i18n/format";

export interface ConversationEvent {
  id: string;
  kind: string;
  body: string | null;
  data: unknown;
  created_at: string;
  author_role: string | null;
}
export interface Attachment {
  id: string;
  filename: string;
  case_event_id: string | null;
}

function describe(e: ConversationEvent, t: (k: string, o?: Record<string, string>) => string): string {
  const data = (e.data ?? {}) as Record<string, string>;
  if (e.kind === "created") return t("conversation.created");
  if (e.kind === "status") return t("conversation.statusChanged", { status: t(`status.${data.to ?? "received"}`) });
  if (e.kind === "document") return t("conversation.uploaded", { name: data.filename ?? "" });
  if (e.kind === "assignment") return t("conversation.assigned");
  return "";
}

/** The public history of the case: messages both ways, status changes and uploads. */
export function Conversation({
  lang,
  events,
  attachments,
}: {
  lang: Lang;
  events: ConversationEvent[];
  attachments: Attachment[];
}) {
  const { t } = useTranslation("cases");
  return (
    <ol className="conversation">
      {events.map((e) => {
        const files = attachments.filter((a) => a.case_event_id === e.id);
        const fromStaff = e.author_role === "consultant" || e.author_role === "supervisor";
        return (
          <li key={e.id} className={e.kind === "message" ? (fromStaff ? "msg msg-staff" : "msg msg-you") : "msg-event"}>
            <p className="msg-meta">
              <strong>
                {e.kind === "message"
                  ? fromStaff
                    ? t("conversation.consultant")
                    : t("conversation.you")
                  : t("conversation.update")}
              </strong>{" "}
              <span className="muted">{formatDateTime(lang, e.created_at)}</span>
            </p>
            {e.kind === "message" ? <p className="msg-body">{e.body}</p> : <p>{describe(e, t)}</p>}
            {files.length ? (
              <ul className="attachments" aria-label={t("conversation.attachments")}>
                {files.map((f) => (
                  <li key={f.id}>
                    <a href={`/${lang}/account/documents/${f.id}`}>{f.filename}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
