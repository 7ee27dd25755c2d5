/** A review edit: only the changed fields; `null` clears a field. */
export type ReviewFields = Record<string, string | null>;
