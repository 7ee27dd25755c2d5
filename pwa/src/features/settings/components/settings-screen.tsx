"use client";

import type { Role } from "../schemas";
import { TokensSection } from "./tokens-section";
import { UsersSection } from "./users-section";

export interface SettingsScreenProps {
  /** From the session: may this person manage users (the "admin" permission)? */
  isAdmin: boolean;
  currentUserId: string;
  role: Role;
}

/** /settings: users (admins) and the signed-in person's own API tokens (any role). */
export function SettingsScreen({ isAdmin, currentUserId, role }: SettingsScreenProps) {
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Settings</h1>
      {isAdmin ? (
        <UsersSection currentUserId={currentUserId} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">
          Only administrators can manage users and tokens. You can still create and revoke your own API tokens
          below.
        </p>
      )}
      <TokensSection role={role} />
    </div>
  );
}
