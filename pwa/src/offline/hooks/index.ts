export {
  PENDING_STATUSES,
  useOnline,
  useOutboxCount,
  useOutboxEngine,
  useOutboxItems,
  useOutboxItemsForDocument,
  useOutboxProgress,
  useOutboxState,
  type OutboxItems,
} from "./use-outbox";
