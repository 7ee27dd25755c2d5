import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";
import type { UserCreateBody } from "../schemas";

export type CreatedUser = components["schemas"]["UserCreated"];

/** POST /api/users (admins; online only — not an outbox write). */
export function createUser(body: UserCreateBody): Promise<CreatedUser> {
  return unwrap(api.POST("/api/users", { body }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}
