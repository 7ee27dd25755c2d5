import { describe, expect, it } from "vitest";
import { loginSchema, safeNext } from "./schemas";

/** The first message per field: what the form shows under it. */
const messages = (value: unknown) => {
  const result = loginSchema.safeParse(value);
  if (result.success) return [];
  const first = new Map<string, string>();
  for (const issue of result.error.issues) if (!first.has(issue.path.join("."))) first.set(issue.path.join("."), issue.message);
  return [...first].map(([field, message]) => `${field}: ${message}`);
};

describe("loginSchema", () => {
  it("accepts an address with spaces around it, trimmed", () => {
    expect(loginSchema.parse({ email: "  demo@docflow.local ", password: "x" })).toEqual({ email: "demo@docflow.local", password: "x" });
  });

  it("says what is missing or wrong, per field", () => {
    expect(messages({ email: "   ", password: "" })).toEqual(["email: Enter your email address.", "password: Enter your password."]);
    expect(messages({ email: "not an address", password: "x" })).toEqual(["email: Enter a valid email address."]);
  });
});

describe("safeNext", () => {
  it("keeps same-app paths only", () => {
    expect(safeNext("/documents/1?x=2")).toBe("/documents/1?x=2");
    for (const target of [null, "", "//evil.example", "https://evil.example", "/login?next=/"]) expect(safeNext(target)).toBe("/");
  });
});
