import { describe, expect, it } from "vitest";
import {
  createTokenSchema,
  createUserSchema,
  PASSWORD_MAX_LENGTH,
  toUserCreateBody,
  type CreateUserInput,
} from "./schemas";

const valid: CreateUserInput = { email: "ana@example.com", displayName: "", password: "", role: "reviewer" };

/** The first message per field — the one the form shows (zodResolver's default). */
function messages(input: unknown): Record<string, string> {
  const result = createUserSchema.safeParse(input);
  const found: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) found[String(issue.path[0])] ??= issue.message;
  return found;
}

describe("createUserSchema (mirrors api/docflow/user/schemas.py UserCreate)", () => {
  it("accepts an email with a generated password and no display name", () => {
    expect(createUserSchema.parse(valid)).toEqual(valid);
  });

  it("trims the email and display name before sending them", () => {
    const parsed = createUserSchema.parse({ ...valid, email: "  ana@example.com ", displayName: "  Ana  " });
    expect(parsed.email).toBe("ana@example.com");
    expect(parsed.displayName).toBe("Ana");
  });

  it("accepts what the API's pattern accepts (something@something, no spaces)", () => {
    expect(createUserSchema.safeParse({ ...valid, email: "a@b" }).success).toBe(true);
  });

  it.each([
    ["", "Enter an email address."],
    ["   ", "Enter an email address."],
    ["ana.example.com", "Enter an email address like name@example.com."],
    ["ana@@example.com", "Enter an email address like name@example.com."],
    ["ana smith@example.com", "Enter an email address like name@example.com."],
    ["@example.com", "Enter an email address like name@example.com."],
  ])("refuses the email %j", (email, message) => {
    expect(messages({ ...valid, email }).email).toBe(message);
  });

  it("refuses an email longer than 320 characters", () => {
    const email = `${"a".repeat(310)}@example.com`;
    expect(messages({ ...valid, email }).email).toMatch(/at most 320/);
  });

  it("refuses a display name longer than 200 characters, accepts 200", () => {
    expect(messages({ ...valid, displayName: "x".repeat(201) }).displayName).toMatch(/at most 200/);
    expect(createUserSchema.safeParse({ ...valid, displayName: "x".repeat(200) }).success).toBe(true);
  });

  it("needs a password of at least 8 characters when one is given", () => {
    expect(messages({ ...valid, password: "short77" }).password).toMatch(/at least 8/);
    expect(createUserSchema.safeParse({ ...valid, password: "eight888" }).success).toBe(true);
  });

  it("counts characters as the API does (code points, not UTF-16 units)", () => {
    // Four emoji are eight UTF-16 units but four characters to Python: too short.
    expect(messages({ ...valid, password: "🔑🔑🔑🔑" }).password).toMatch(/at least 8/);
    expect(createUserSchema.safeParse({ ...valid, password: "🔑".repeat(8) }).success).toBe(true);
    expect(createUserSchema.safeParse({ ...valid, password: "🔑".repeat(PASSWORD_MAX_LENGTH) }).success).toBe(true);
  });

  it("refuses a password longer than 1024 characters", () => {
    expect(messages({ ...valid, password: "p".repeat(PASSWORD_MAX_LENGTH + 1) }).password).toMatch(/at most 1024/);
  });

  it("keeps a password's spaces (they are part of it)", () => {
    expect(createUserSchema.parse({ ...valid, password: " pass word " }).password).toBe(" pass word ");
  });

  it("accepts only the API's roles", () => {
    for (const role of ["admin", "reviewer", "viewer"]) {
      expect(createUserSchema.safeParse({ ...valid, role }).success).toBe(true);
    }
    expect(messages({ ...valid, role: "owner" }).role).toBe("Choose a role.");
  });
});

describe("toUserCreateBody", () => {
  it("leaves out an empty display name and an empty password (the API then generates one)", () => {
    expect(toUserCreateBody(createUserSchema.parse(valid))).toEqual({ email: "ana@example.com", role: "reviewer" });
  });

  it("sends the display name and password when given", () => {
    const body = toUserCreateBody(
      createUserSchema.parse({ ...valid, displayName: " Ana ", password: "long enough", role: "viewer" }),
    );
    expect(body).toEqual({ email: "ana@example.com", display_name: "Ana", password: "long enough", role: "viewer" });
  });
});

describe("createTokenSchema (mirrors api/docflow/auth/schemas.py TokenCreate)", () => {
  it("trims the name", () => {
    expect(createTokenSchema.parse({ name: "  nightly export " })).toEqual({ name: "nightly export" });
  });

  it("needs a name", () => {
    const result = createTokenSchema.safeParse({ name: "   " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Name the token/);
  });

  it("accepts 200 characters and refuses 201", () => {
    expect(createTokenSchema.safeParse({ name: "t".repeat(200) }).success).toBe(true);
    expect(createTokenSchema.safeParse({ name: "t".repeat(201) }).error?.issues[0]?.message).toMatch(/at most 200/);
  });
});
