/**
 * What a save sends, and how a version conflict (412) is settled — pure, so it is unit-tested.
 *
 * `base`: the values the reviewer started from (the version whose ETag they hold);
 * `mine`: the values in the form; `theirs`: the server's current values (412 `details.current`).
 */
import type { ReviewFields } from "@/offline/outbox";
import { FIELD_NAMES, type FieldName, type FieldValues } from "./fields";

/** Only the fields whose value differs from `base` (`null` clears a field). */
export function changedFields(base: FieldValues, values: FieldValues): ReviewFields {
  const changes: ReviewFields = {};
  for (const name of FIELD_NAMES) {
    if (values[name] !== base[name]) changes[name] = values[name];
  }
  return changes;
}

export type Choice = "mine" | "theirs";

export interface ConflictRow {
  name: FieldName;
  base: string | null;
  mine: string | null;
  theirs: string | null;
  /** The server changed this field too (to something other than mine): a real clash. */
  clash: boolean;
}

export interface ConflictPlan {
  /** Every field the reviewer changed whose server value is not already theirs. */
  rows: ConflictRow[];
  /** Fields only the server changed: the new version's values are taken as they are. */
  serverOnly: FieldName[];
}

export function planConflict(base: FieldValues, mine: FieldValues, theirs: FieldValues): ConflictPlan {
  const rows: ConflictRow[] = [];
  const serverOnly: FieldName[] = [];
  for (const name of FIELD_NAMES) {
    const changedByMe = mine[name] !== base[name];
    const changedByServer = theirs[name] !== base[name];
    if (changedByMe && theirs[name] !== mine[name]) {
      rows.push({ name, base: base[name], mine: mine[name], theirs: theirs[name], clash: changedByServer });
    } else if (!changedByMe && changedByServer) {
      serverOnly.push(name);
    }
  }
  return { rows, serverOnly };
}

/** Mine by default: the reviewer asked for those values; they pick the server's where they agree. */
export function defaultChoices(plan: ConflictPlan): Partial<Record<FieldName, Choice>> {
  return Object.fromEntries(plan.rows.map((row) => [row.name, "mine" as Choice]));
}

/**
 * The values after the reviewer's choices, on top of the server's version, and what must be sent
 * (against the server's ETag) to get there — nothing when they kept every server value.
 */
export function resolveConflict(
  theirs: FieldValues,
  plan: ConflictPlan,
  choices: Partial<Record<FieldName, Choice>>,
): { values: FieldValues; changes: ReviewFields } {
  const values: FieldValues = { ...theirs };
  for (const row of plan.rows) {
    if ((choices[row.name] ?? "mine") === "mine") values[row.name] = row.mine;
  }
  return { values, changes: changedFields(theirs, values) };
}
