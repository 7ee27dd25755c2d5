import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";
import type { User } from "./list-users";

export type UserUpdateBody = components["schemas"]["UserUpdate"];

/** PATCH /api/users/{id}: change role or display name, deactivate or reactivate (admins). */
export function updateUser(userId: string, body: UserUpdateBody): Promise<User> {
  return unwrap(api.PATCH("/api/users/{user_id}", { params: { path: { user_id: userId } }, body }));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UserUpdateBody }) => updateUser(userId, body),
    onSuccess: (user) => {
      queryClient.setQueryData<User[]>(queryKeys.users(), (users) =>
        users?.map((existing) => (existing.id === user.id ? user : existing)),
      );
    },
    // Deactivating revokes the user's tokens too; a 404 or 409 means the list is out of date.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}
