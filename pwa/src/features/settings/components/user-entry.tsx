"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import type { User } from "../api/list-users";
import { useUpdateUser, type UserUpdateBody } from "../api/update-user";
import { settingsErrorMessage } from "../errors";
import { ROLE_LABELS, ROLES, type Role } from "../schemas";
import { ConfirmDialog } from "./confirm-dialog";
import { UserTokens } from "./user-tokens";

export interface UserEntryProps {
  user: User;
  /** The signed-in admin's own account: no role change or deactivation from here. */
  isSelf: boolean;
  /** A table row (tablet and up) or a card (phone). */
  layout: "row" | "card";
  /** Reports what happened, in words, to the section's status line. */
  onNotice: (message: string) => void;
}

function nameOf(user: User): string {
  return user.display_name || user.email;
}

/** An email address that may wrap before its "@" rather than mid-word in a narrow column. */
function Email({ address }: { address: string }) {
  const at = address.lastIndexOf("@");
  if (at <= 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

function ActiveStatus({ user }: { user: User }) {
  return user.is_active ? (
    <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">Active</span>
  ) : (
    <span className="inline-flex flex-wrap items-center gap-x-1">
      <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">Deactivated</span>
      {user.deactivated_at ? <span className="text-sm text-slate-600">{formatDateTime(user.deactivated_at)}</span> : null}
    </span>
  );
}

/** One user: who, role (changeable), active or not, last sign-in, their tokens, deactivate. */
export function UserEntry({ user, isSelf, layout, onNotice }: UserEntryProps) {
  const id = useId();
  const update = useUpdateUser();
  const [error, setError] = useState<string | null>(null);
  const [tokensOpen, setTokensOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const name = nameOf(user);

  function send(body: UserUpdateBody, done: (updated: User) => string, what: string, onError = setError) {
    setError(null);
    setConfirmError(null);
    update.mutate(
      { userId: user.id, body },
      {
        onSuccess: (updated) => {
          setConfirming(false);
          onNotice(done(updated));
        },
        onError: (failure) => onError(`${what}: ${settingsErrorMessage(failure)}`),
      },
    );
  }

  const changeRole = (role: Role) =>
    send({ role }, (updated) => `${nameOf(updated)} is now ${ROLE_LABELS[updated.role]}.`, `The role of ${name} could not be changed`);
  const deactivate = () =>
    send(
      { is_active: false },
      (updated) => `${nameOf(updated)} was deactivated: their sessions and API tokens were revoked.`,
      `${name} could not be deactivated`,
      setConfirmError,
    );
  const reactivate = () =>
    send({ is_active: true }, (updated) => `${nameOf(updated)} can sign in again.`, `${name} could not be reactivated`);

  const pendingRole = update.isPending ? update.variables?.body.role : undefined;
  const roleControl = isSelf ? (
    <span>{ROLE_LABELS[user.role]}</span>
  ) : (
    <>
      <label htmlFor={`${id}-role`} className={layout === "row" ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        Role<span className="sr-only"> for {user.email}</span>
      </label>
      <select
        id={`${id}-role`}
        value={pendingRole ?? user.role}
        onChange={(event) => changeRole(event.target.value as Role)}
        className="mt-1 block min-h-11 w-full min-w-32 rounded-md border border-slate-300 bg-white px-2 text-base md:mt-0"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      {pendingRole ? <span className="mt-1 block text-xs text-slate-600">Saving…</span> : null}
    </>
  );

  const tokensButton = (
    <Button
      aria-expanded={tokensOpen}
      aria-controls={`${id}-tokens`}
      onClick={() => setTokensOpen((open) => !open)}
    >
      Tokens<span className="sr-only"> of {user.email}</span>
      <span aria-hidden="true">{tokensOpen ? "▴" : "▾"}</span>
    </Button>
  );

  const activeButton = isSelf ? null : user.is_active ? (
    <Button
      className="text-red-800"
      onClick={() => {
        setConfirmError(null);
        setConfirming(true);
      }}
    >
      Deactivate<span className="sr-only"> {user.email}</span>
    </Button>
  ) : (
    <Button onClick={() => (update.isPending ? undefined : reactivate())} aria-disabled={update.isPending || undefined}>
      Reactivate<span className="sr-only"> {user.email}</span>
    </Button>
  );

  const errorLine = error ? (
    <p role="alert" className="mt-2 rounded-md bg-red-50 p-2 text-sm text-red-800">
      {error}
    </p>
  ) : null;

  const who = (
    <>
      <span className="block break-words font-medium text-slate-900">
        {user.display_name ? user.display_name : <Email address={user.email} />}
        {isSelf ? <span className="font-normal text-slate-600"> (you)</span> : null}
      </span>
      {user.display_name ? (
        <span className="block break-words text-sm font-normal text-slate-600">
          <Email address={user.email} />
        </span>
      ) : null}
    </>
  );

  const lastSignIn = user.last_login_at ? formatDateTime(user.last_login_at) : "Never";

  const dialog = (
    <ConfirmDialog
      open={confirming}
      onOpenChange={setConfirming}
      title={`Deactivate ${name}?`}
      description={
        <>
          {user.email} is signed out everywhere and their API tokens are revoked at once. You can reactivate
          the account later; revoked tokens stay revoked.
        </>
      }
      confirmLabel="Deactivate"
      onConfirm={deactivate}
      pending={update.isPending}
      error={confirmError}
    />
  );

  if (layout === "row") {
    return (
      <>
        <tr className={user.is_active ? undefined : "bg-slate-50"}>
          <th scope="row" className="py-3 pr-3 align-top font-normal">
            {who}
            {errorLine}
          </th>
          <td className="py-3 pr-3 align-top">{roleControl}</td>
          <td className="py-3 pr-3 align-top">
            <ActiveStatus user={user} />
          </td>
          <td className="min-w-28 py-3 pr-3 align-top text-sm lg:whitespace-nowrap">{lastSignIn}</td>
          <td className="w-px whitespace-nowrap py-3 align-top">
            <div className="flex justify-end gap-2">
              {tokensButton}
              {activeButton}
            </div>
            {dialog}
          </td>
        </tr>
        {tokensOpen ? (
          <tr>
            <td colSpan={5} className="pb-4">
              <UserTokens user={user} id={`${id}-tokens`} />
            </td>
          </tr>
        ) : null}
      </>
    );
  }

  return (
    <li className={`rounded-lg border border-slate-200 p-4 ${user.is_active ? "bg-white" : "bg-slate-50"}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0">{who}</p>
        <ActiveStatus user={user} />
      </div>
      <div className="mt-3">{roleControl}</div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="text-slate-600">Last sign-in</dt>
        <dd>{lastSignIn}</dd>
      </dl>
      {errorLine}
      <div className="mt-3 flex flex-wrap gap-2">
        {tokensButton}
        {activeButton}
      </div>
      {tokensOpen ? (
        <div className="mt-3">
          <UserTokens user={user} id={`${id}-tokens`} />
        </div>
      ) : null}
      {dialog}
    </li>
  );
}
