/** Web Locks for unit tests: exclusive, with `ifAvailable` — the one behaviour the outbox uses. */
export function fakeLocks(): LockManager {
  const held = new Set<string>();
  return {
    async request(name: string, options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) {
      if (options.ifAvailable && held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name, mode: "exclusive" } as Lock);
      } finally {
        held.delete(name);
      }
    },
    query: async () => ({ held: [], pending: [] }),
  } as unknown as LockManager;
}
