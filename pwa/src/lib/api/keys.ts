/**
 * Query keys shared by the features and the live connection (which updates the cache from events).
 * Features build their query options from these; nothing else spells a key.
 */
export const queryKeys = {
  me: () => ["me"] as const,
  documentLists: () => ["documents"] as const,
  documentList: (params: object) => ["documents", params] as const,
  document: (id: string) => ["document", id] as const,
  documentHistory: (id: string) => ["document", id, "history"] as const,
  jobEvents: (jobId: string) => ["job-events", jobId] as const,
  /** Where a server-rendered screen's live stream resumes (lib/realtime/resume-point.ts); never persisted. */
  resumePoint: () => ["resume-point"] as const,
  users: () => ["users"] as const,
  /** Under users(): invalidating the user list also refreshes every user's token list. */
  userTokens: (userId: string) => ["users", userId, "tokens"] as const,
  tokens: () => ["tokens"] as const,
};
