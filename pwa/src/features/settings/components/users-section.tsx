"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { CreatedUser } from "../api/create-user";
import { useUsers } from "../api/list-users";
import { settingsErrorMessage } from "../errors";
import { useWideScreen } from "../hooks/use-wide-screen";
import { CreateUserDialog } from "./create-user-dialog";
import { SecretDialog } from "./secret-dialog";
import { UserEntry } from "./user-entry";

/** The workspace's users (admins): list, add, change role, deactivate or reactivate, their tokens. */
export function UsersSection({ currentUserId }: { currentUserId: string }) {
  const headingId = useId();
  const users = useUsers();
  const wide = useWideScreen();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState("");
  const [temporary, setTemporary] = useState<CreatedUser | null>(null);

  function onCreated(user: CreatedUser) {
    setNotice(`${user.email} was added as ${user.role}.`);
    if (user.temporary_password) setTemporary(user);
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          Users
        </h2>
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add user
        </Button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-sm text-green-900">
        {notice}
      </p>

      <div className="mt-2">
        {users.isPending ? (
          <p className="text-sm text-slate-600">Loading users…</p>
        ) : users.isError ? (
          <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            <p>The users could not be loaded: {settingsErrorMessage(users.error)}</p>
            <Button className="mt-2" onClick={() => void users.refetch()}>
              Try again
            </Button>
          </div>
        ) : users.data.length === 0 ? (
          <p className="text-sm text-slate-600">No users yet.</p>
        ) : wide ? (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Users of this workspace</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">User</th>
                <th scope="col" className="py-2 pr-3 font-medium">Role</th>
                <th scope="col" className="py-2 pr-3 font-medium">Status</th>
                <th scope="col" className="whitespace-nowrap py-2 pr-3 font-medium">Last sign-in</th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.data.map((user) => (
                <UserEntry key={user.id} user={user} isSelf={user.id === currentUserId} layout="row" onNotice={setNotice} />
              ))}
            </tbody>
          </table>
        ) : (
          <ul aria-label="Users of this workspace" className="space-y-3">
            {users.data.map((user) => (
              <UserEntry key={user.id} user={user} isSelf={user.id === currentUserId} layout="card" onNotice={setNotice} />
            ))}
          </ul>
        )}
      </div>

      <CreateUserDialog open={adding} onOpenChange={setAdding} onCreated={onCreated} />
      <SecretDialog
        secret={temporary?.temporary_password ?? null}
        onClose={() => setTemporary(null)}
        title={`${temporary?.email ?? ""} was added`}
        label="Temporary password"
      >
        Pass this password on to {temporary?.email} by a safe route; they sign in with it.
      </SecretDialog>
    </section>
  );
}
