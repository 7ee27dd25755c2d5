import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "@/lib/api/errors";
import { fieldErrorsFrom, settingsErrorMessage } from "./errors";

describe("settingsErrorMessage", () => {
  it("words the API's settings codes", () => {
    expect(settingsErrorMessage(new ApiError(409, { code: "email_taken", message: "x" }))).toMatch(/already exists/);
    expect(settingsErrorMessage(new ApiError(409, { code: "last_admin", message: "x" }))).toMatch(/at least one active admin/);
  });

  it("keeps the API's own message for other codes, and the network message", () => {
    expect(settingsErrorMessage(new ApiError(500, { code: "internal_error", message: "Boom." }))).toBe("Boom.");
    expect(settingsErrorMessage(new NetworkError())).toMatch(/could not be reached/);
  });
});

describe("fieldErrorsFrom", () => {
  const fields = { email: "email", display_name: "displayName" } as const;

  it("maps a validation_error's body fields to form fields", () => {
    const error = new ApiError(422, {
      code: "validation_error",
      message: "The request is invalid.",
      details: [
        { field: "body.email", message: "String should match pattern", type: "string_pattern_mismatch" },
        { field: "body.display_name", message: "Too long", type: "string_too_long" },
        { field: "body.unknown", message: "ignored", type: "x" },
      ],
    });
    expect(fieldErrorsFrom(error, fields)).toEqual({ email: "String should match pattern", displayName: "Too long" });
  });

  it("gives nothing for other errors", () => {
    expect(fieldErrorsFrom(new ApiError(409, { code: "email_taken", message: "x" }), fields)).toEqual({});
    expect(fieldErrorsFrom(new Error("x"), fields)).toEqual({});
  });
});
