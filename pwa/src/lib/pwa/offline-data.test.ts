import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { forgetDataOfOtherUsers } from "./offline-data";

const meOf = (id: string) => ({ user: { id, email: `${id}@example.com` }, permissions: ["read"] });

describe("forgetDataOfOtherUsers", () => {
  it("drops the cached data when someone else turns out to be signed in", async () => {
    const client = new QueryClient();
    client.setQueryData(["me"], meOf("alice")); // e.g. restored from the device
    client.setQueryData(["document", "d1"], { document: { id: "d1" }, etag: '"1"' });
    const stop = forgetDataOfOtherUsers(client);

    client.setQueryData(["me"], meOf("bob"));
    await Promise.resolve();

    expect(client.getQueryData(["document", "d1"])).toBeUndefined();
    expect(client.getQueryData(["me"])).toEqual(meOf("bob"));
    stop();
  });

  it("keeps it when the same user is confirmed, and for a first sign-in", async () => {
    const client = new QueryClient();
    const stop = forgetDataOfOtherUsers(client);
    client.setQueryData(["document", "d1"], { document: { id: "d1" }, etag: '"1"' });
    client.setQueryData(["me"], meOf("alice"));
    client.setQueryData(["me"], { ...meOf("alice"), permissions: ["read", "write"] });
    await Promise.resolve();

    expect(client.getQueryData(["document", "d1"])).toEqual({ document: { id: "d1" }, etag: '"1"' });
    stop();
  });
});
