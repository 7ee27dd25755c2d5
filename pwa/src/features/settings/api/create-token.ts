import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";

export type CreatedToken = components["schemas"]["TokenCreated"];

/** POST /api/tokens: a new token for the signed-in user; the secret comes back this once. */
export function createToken(name: string): Promise<CreatedToken> {
  return unwrap(api.POST("/api/tokens", { body: { name } }));
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens() });
      // An admin's own row in the user list shows the same tokens.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users() });
    },
  });
}
