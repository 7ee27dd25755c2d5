"use client";

import { errorMessage } from "@/lib/api/errors";
import { useDocumentHistory, type FieldChange } from "../api/get-document-history";
import { useUsers } from "../api/list-users";
import { FIELD_LABELS, type FieldName } from "../fields";
import { formatEventTime } from "./timeline-format";

function Value({ value }: { value: string | null }) {
  return value === null ? <span className="italic text-slate-600">(empty)</span> : <span className="font-mono break-all">{value}</span>;
}

export interface EditHistoryProps {
  documentId: string;
  currentUserId: string | null;
  /** Admins may list users: the history then names who did what. */
  canListUsers: boolean;
}

/** Every correction (extracted → corrected, who, when) and the finalize, newest first. */
export function EditHistory({ documentId, currentUserId, canListUsers }: EditHistoryProps) {
  const history = useDocumentHistory(documentId);
  const users = useUsers(canListUsers);

  function who(change: FieldChange): string {
    if (!change.user_id) return "an API client";
    if (change.user_id === currentUserId) return "you";
    const user = users.data?.find((u) => u.id === change.user_id);
    return user ? user.display_name || user.email : "another reviewer";
  }

  const items = [...(history.data ?? [])].reverse();
  return (
    <section aria-labelledby="history-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="history-heading" className="text-base font-semibold text-slate-900">
        Edit history
      </h2>
      {history.isPending ? (
        <p className="mt-2 text-sm text-slate-600">Loading the history…</p>
      ) : history.isError && !history.data ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          The history could not be loaded: {errorMessage(history.error)}
        </p>
      ) : items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No corrections yet: every value is as extracted.</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100">
          {items.map((change) => (
            <li key={change.id} className="py-2 text-sm">
              {change.action === "finalize" ? (
                <p className="font-medium text-slate-900">Finalized (version {change.version})</p>
              ) : (
                <>
                  <p className="text-slate-900">
                    <span className="font-medium">{FIELD_LABELS[change.field as FieldName] ?? change.field}:</span>{" "}
                    <Value value={change.old_value} /> <span aria-hidden="true">→</span>
                    <span className="sr-only">changed to</span> <Value value={change.new_value} />
                  </p>
                  {change.extracted_value !== change.old_value ? (
                    <p className="text-xs text-slate-600">
                      Extracted: <Value value={change.extracted_value} />
                    </p>
                  ) : null}
                </>
              )}
              <p className="text-xs text-slate-600">
                By {who(change)} · <time dateTime={change.changed_at}>{formatEventTime(change.changed_at)}</time>
                {change.action === "edit" ? ` · version ${change.version}` : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
