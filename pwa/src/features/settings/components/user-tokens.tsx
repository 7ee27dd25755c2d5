"use client";

import { Button } from "@/components/ui/button";
import type { User } from "../api/list-users";
import { useRevokeUserToken } from "../api/revoke-user-token";
import { useUserTokens } from "../api/list-user-tokens";
import { settingsErrorMessage } from "../errors";
import { TokenList } from "./token-list";

/** An admin's view of one user's API tokens (opened from the user's "Tokens" button). */
export function UserTokens({ user, id }: { user: User; id: string }) {
  const tokens = useUserTokens(user.id);
  const revoke = useRevokeUserToken(user.id);
  const label = `API tokens of ${user.email}`;

  return (
    <div id={id} role="group" aria-label={label} className="rounded-md bg-slate-50 p-3">
      {tokens.isPending ? (
        <p className="text-sm text-slate-600">Loading tokens…</p>
      ) : tokens.isError ? (
        <div role="alert" className="text-sm text-red-800">
          <p>The tokens could not be loaded: {settingsErrorMessage(tokens.error)}</p>
          <Button className="mt-2" onClick={() => void tokens.refetch()}>
            Try again
          </Button>
        </div>
      ) : (
        <TokenList
          tokens={tokens.data}
          label={label}
          owner={`${user.email}'s`}
          revoke={(tokenId) => revoke.mutateAsync(tokenId)}
        />
      )}
    </div>
  );
}
