export {
  PENDING_STATUSES,
  useOnline,
  useOutboxCount,
  useOutboxEngine,
  useOutboxItems,
  useOutboxItemsForDocument,
  useOutboxProgress,
  useOutboxStarted,
  useOutboxState,
  type OutboxItems,
} from "./use-outbox";
export { QUEUED_NOTICE_AFTER_MS, useQueuedNotice } from "./use-queued-notice";
export { pauseOutboxForSignOut } from "../runtime";
