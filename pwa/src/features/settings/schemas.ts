import * as z from "zod/mini";
import type { components } from "@/lib/api/schema";

/**
 * Rules mirrored from the API (api/docflow/user/schemas.py, auth/schemas.py, auth/passwords.py),
 * so a form says what is wrong before the server has to.
 */
export const EMAIL_MAX_LENGTH = 320;
export const DISPLAY_NAME_MAX_LENGTH = 200;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;
export const TOKEN_NAME_MAX_LENGTH = 200;

export type Role = components["schemas"]["UserRead"]["role"];
export const ROLES = ["admin", "reviewer", "viewer"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  reviewer: "Reviewer",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "reviews, and manages users and tokens",
  reviewer: "uploads, corrects, finalizes and exports",
  viewer: "reads and exports",
};

/** Python counts code points, JavaScript's `length` UTF-16 units: count the way the API does. */
function codePoints(value: string): number {
  return Array.from(value).length;
}

/** The API's pattern: something, one @, something — no spaces. */
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+$/;

export const createUserSchema = z.object({
  email: z.string().check(
    z.trim(),
    z.minLength(1, "Enter an email address."),
    z.maxLength(EMAIL_MAX_LENGTH, `An email address has at most ${EMAIL_MAX_LENGTH} characters.`),
    z.regex(EMAIL_PATTERN, "Enter an email address like name@example.com."),
  ),
  displayName: z
    .string()
    .check(z.trim(), z.maxLength(DISPLAY_NAME_MAX_LENGTH, `A display name has at most ${DISPLAY_NAME_MAX_LENGTH} characters.`)),
  // Empty means "generate a temporary password" (the API returns it once).
  password: z.string().check(
    z.refine(
      (password) => password === "" || codePoints(password) >= PASSWORD_MIN_LENGTH,
      `A password has at least ${PASSWORD_MIN_LENGTH} characters (or leave it empty for a temporary one).`,
    ),
    z.refine((password) => codePoints(password) <= PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters.`),
  ),
  role: z.enum(ROLES, { error: "Choose a role." }),
});

export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateUserValues = z.output<typeof createUserSchema>;
export type UserCreateBody = components["schemas"]["UserCreate"];

/** The request body: empty optional fields are left out (no display name; a generated password). */
export function toUserCreateBody(values: CreateUserValues): UserCreateBody {
  return {
    email: values.email,
    role: values.role,
    ...(values.displayName ? { display_name: values.displayName } : {}),
    ...(values.password ? { password: values.password } : {}),
  };
}

export const createTokenSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Name the token, e.g. after the script that will use it."),
      z.maxLength(TOKEN_NAME_MAX_LENGTH, `A token name has at most ${TOKEN_NAME_MAX_LENGTH} characters.`),
    ),
});

export type CreateTokenInput = z.input<typeof createTokenSchema>;
export type CreateTokenValues = z.output<typeof createTokenSchema>;
