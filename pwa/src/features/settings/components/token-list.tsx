"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import type { Token } from "../api/list-tokens";
import { settingsErrorMessage } from "../errors";
import { useWideScreen } from "../hooks/use-wide-screen";
import { ConfirmDialog } from "./confirm-dialog";

export interface TokenListProps {
  tokens: Token[];
  /** Names the list for assistive technology, e.g. "Your API tokens" or "Tokens of ana@…". */
  label: string;
  /** Revokes one token; rejects with the API's error. */
  revoke: (tokenId: string) => Promise<unknown>;
  /** Whose tokens these are, for the confirmation ("your" or "ana@example.com's"). */
  owner: string;
}

function TokenStatus({ token }: { token: Token }) {
  if (token.revoked_at) {
    return (
      <span className="inline-flex flex-wrap items-center gap-x-1 text-slate-700">
        <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">Revoked</span>
        <span className="text-sm">{formatDateTime(token.revoked_at)}</span>
      </span>
    );
  }
  return <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">Active</span>;
}

function lastUsed(token: Token): string {
  return token.last_used_at ? formatDateTime(token.last_used_at) : "Never";
}

/** Newest first; a revoked token stays listed (with when) so its name still explains the audit trail. */
function byNewest(a: Token, b: Token): number {
  return b.created_at.localeCompare(a.created_at);
}

export function TokenList({ tokens, label, revoke, owner }: TokenListProps) {
  const wide = useWideScreen();
  const [confirming, setConfirming] = useState<Token | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const idPrefix = useId();
  // The Revoke button goes away with the revocation: keep keyboard focus on that token's name.
  const refocus = useRef<string | null>(null);
  const nameId = (token: Token) => `${idPrefix}-${token.id}`;

  useEffect(() => {
    const token = tokens.find((candidate) => candidate.id === refocus.current);
    if (token?.revoked_at) {
      refocus.current = null;
      document.getElementById(nameId(token))?.focus();
    }
  });

  async function confirmRevoke() {
    if (!confirming) return;
    setPending(true);
    setError(null);
    try {
      await revoke(confirming.id);
      refocus.current = confirming.id;
      setDone(`Token “${confirming.name}” revoked.`);
      setConfirming(null);
    } catch (failure) {
      setError(settingsErrorMessage(failure));
    } finally {
      setPending(false);
    }
  }

  const sorted = [...tokens].sort(byNewest);
  const revokeButton = (token: Token) =>
    token.revoked_at ? null : (
      <Button
        variant="secondary"
        className="text-red-800"
        onClick={() => {
          setError(null);
          setDone(null);
          setConfirming(token);
        }}
      >
        Revoke<span className="sr-only"> token {token.name}</span>
      </Button>
    );

  return (
    <>
      <p role="status" className="sr-only">
        {done}
      </p>
      {sorted.length === 0 ? (
        <p className="text-sm text-slate-600">No API tokens yet.</p>
      ) : wide ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Name</th>
              <th scope="col" className="py-2 pr-3 font-medium">Starts with</th>
              <th scope="col" className="py-2 pr-3 font-medium">Created</th>
              <th scope="col" className="py-2 pr-3 font-medium">Last used</th>
              <th scope="col" className="py-2 pr-3 font-medium">Status</th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sorted.map((token) => (
              <tr key={token.id} className={token.revoked_at ? "text-slate-500" : undefined}>
                <th
                  scope="row"
                  id={nameId(token)}
                  tabIndex={-1}
                  className="max-w-64 break-words py-2 pr-3 font-medium text-slate-900"
                >
                  {token.name}
                </th>
                <td className="py-2 pr-3 font-mono text-xs">{token.prefix}…</td>
                <td className="py-2 pr-3">{formatDateTime(token.created_at)}</td>
                <td className="py-2 pr-3">{lastUsed(token)}</td>
                <td className="py-2 pr-3">
                  <TokenStatus token={token} />
                </td>
                <td className="py-2 text-right">{revokeButton(token)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ul aria-label={label} className="space-y-3">
          {sorted.map((token) => (
            <li key={token.id} className="rounded-md border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p id={nameId(token)} tabIndex={-1} className="min-w-0 break-words font-medium text-slate-900">
                  {token.name}
                </p>
                <TokenStatus token={token} />
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">Starts with</dt>
                <dd className="font-mono text-xs leading-5">{token.prefix}…</dd>
                <dt className="text-slate-600">Created</dt>
                <dd>{formatDateTime(token.created_at)}</dd>
                <dt className="text-slate-600">Last used</dt>
                <dd>{lastUsed(token)}</dd>
              </dl>
              {token.revoked_at ? null : <div className="mt-3">{revokeButton(token)}</div>}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => {
          if (!open) setConfirming(null);
        }}
        title={`Revoke token “${confirming?.name ?? ""}”?`}
        description={`Scripts using ${owner} token stop working at once. This cannot be undone; create a new token if one is needed again.`}
        confirmLabel="Revoke"
        onConfirm={() => void confirmRevoke()}
        pending={pending}
        error={error}
      />
    </>
  );
}
