import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { PersistedClient } from "@tanstack/query-persist-client-core";
import { describe, expect, it } from "vitest";
import { lastKnownData, PERSIST_BUSTER, persistOptions } from "./query-persistence";

const me = { user: { id: "u1", email: "r@example.com" }, permissions: ["read"], csrf_token: "secret" };

function persisted(client: QueryClient): PersistedClient {
  return lastKnownData({ buster: PERSIST_BUSTER, timestamp: 0, clientState: dehydrate(client, persistOptions.dehydrateOptions) });
}

const keysOf = (client: PersistedClient) => client.clientState.queries.map((query) => query.queryKey);

describe("the persisted query cache", () => {
  it("keeps what screens need offline, never API token lists or the CSRF token", () => {
    const client = new QueryClient();
    client.setQueryData(["me"], me);
    client.setQueryData(["documents", { limit: 50 }], { pages: [], pageParams: [] });
    client.setQueryData(["document", "d1"], { document: { id: "d1" }, etag: '"3"' });
    client.setQueryData(["tokens"], [{ id: "t1" }]);
    client.setQueryData(["users", "u1", "tokens"], [{ id: "t2" }]);
    client.setQueryData(["users"], [{ id: "u1" }]);

    const saved = persisted(client);

    expect(keysOf(saved)).toEqual(
      expect.arrayContaining([["me"], ["documents", { limit: 50 }], ["document", "d1"], ["users"]]),
    );
    expect(keysOf(saved)).not.toContainEqual(["tokens"]);
    expect(keysOf(saved)).not.toContainEqual(["users", "u1", "tokens"]);
    const savedMe = saved.clientState.queries.find((query) => query.queryKey[0] === "me")?.state.data;
    expect(savedMe).toEqual({ user: me.user, permissions: me.permissions });
  });

  it("keeps the last known data of a query whose refetch failed (offline), as it last succeeded", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(["document", "d1"], { document: { id: "d1" }, etag: '"3"' });
    await client
      .fetchQuery({
        queryKey: ["document", "d1"],
        queryFn: () => Promise.reject(new Error("offline")),
        staleTime: 0,
      })
      .catch(() => undefined);
    expect(client.getQueryState(["document", "d1"])?.status).toBe("error");

    const saved = persisted(client).clientState.queries.find((query) => query.queryKey[1] === "d1");

    expect(saved?.state).toMatchObject({ status: "success", error: null, data: { document: { id: "d1" }, etag: '"3"' } });
  });

  it("leaves out queries that never had data", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await client.fetchQuery({ queryKey: ["document", "d2"], queryFn: () => Promise.reject(new Error("offline")) }).catch(() => undefined);

    expect(keysOf(persisted(client))).toEqual([]);
  });
});
