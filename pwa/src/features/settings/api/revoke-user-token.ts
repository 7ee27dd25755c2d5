import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { Token } from "./list-tokens";

/** DELETE /api/users/{id}/tokens/{token_id}: an admin revokes one of a user's tokens. */
export function revokeUserToken(userId: string, tokenId: string): Promise<Token> {
  return unwrap(
    api.DELETE("/api/users/{user_id}/tokens/{token_id}", {
      params: { path: { user_id: userId, token_id: tokenId } },
    }),
  );
}

export function useRevokeUserToken(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => revokeUserToken(userId, tokenId),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.userTokens(userId) });
      // The admin may have revoked one of their own tokens.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens() });
    },
  });
}
