import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "@/lib/api/errors";
import { backoffDelay, decide, MAX_DELAY_MS } from "./decide";

const api = (status: number, code: string, extra: Partial<{ details: unknown; retryAfter: number }> = {}) =>
  new ApiError(status, { code, message: `${code} happened`, details: extra.details }, extra.retryAfter ?? null);

describe("decide", () => {
  it("treats no error as sent", () => {
    expect(decide(undefined, 0)).toEqual({ action: "sent" });
  });

  it("retries network errors, 5xx, 409 still running, 408 (a body that came too slowly) and 429/503/507", () => {
    for (const error of [new NetworkError(), api(500, "internal_error"), api(502, "http_502"), api(409, "conflict"), api(408, "request_timeout"), api(429, "rate_limited"), api(503, "service_unavailable"), api(507, "insufficient_storage")]) {
      expect(decide(error, 1, () => 0.5).action).toBe("retry");
    }
  });

  it("honours Retry-After", () => {
    expect(decide(api(503, "service_unavailable", { retryAfter: 7 }), 0)).toMatchObject({ action: "retry", delayMs: 7000 });
  });

  it("stops on 413/415/422 with the server's message", () => {
    for (const [status, code] of [[413, "payload_too_large"], [415, "unsupported_media_type"], [422, "empty_file"], [422, "validation_error"], [403, "forbidden"], [404, "not_found"]] as const) {
      expect(decide(api(status, code), 0)).toEqual({ action: "fail", status, code, message: `${code} happened` });
    }
  });

  it("explains a finalized document", () => {
    const decision = decide(api(409, "invalid_state"), 0);
    expect(decision.action).toBe("fail");
    expect(decision.action === "fail" && decision.message).toContain("finalized");
  });

  it("opens a conflict on 412 with the server copy", () => {
    expect(decide(api(412, "version_conflict", { details: { current: { version: 3 } } }), 0)).toMatchObject({
      action: "conflict",
      current: { version: 3 },
    });
  });

  it("pauses for sign-in on 401", () => {
    expect(decide(api(401, "unauthorized"), 0).action).toBe("auth");
  });
});

describe("backoffDelay", () => {
  it("grows, is jittered and bounded", () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(50, () => 1)).toBe(MAX_DELAY_MS);
    expect(backoffDelay(50, () => 0)).toBe(MAX_DELAY_MS / 2);
  });
});
