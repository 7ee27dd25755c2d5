import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { Token } from "./list-tokens";

/** DELETE /api/tokens/{id}: revoke one of the signed-in user's tokens (it stops working at once). */
export function revokeToken(tokenId: string): Promise<Token> {
  return unwrap(api.DELETE("/api/tokens/{token_id}", { params: { path: { token_id: tokenId } } }));
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
    },
  });
}
