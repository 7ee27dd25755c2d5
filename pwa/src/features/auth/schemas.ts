import * as z from "zod/mini";

export const loginSchema = z.object({
  email: z.string().check(z.trim(), z.minLength(1, "Enter your email address."), z.regex(z.regexes.email, "Enter a valid email address.")),
  password: z.string().check(z.minLength(1, "Enter your password.")),
});

export type LoginValues = z.infer<typeof loginSchema>;

/** Only same-app paths may be a `next` target (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) return "/";
  return next;
}
