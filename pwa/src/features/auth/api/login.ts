import { api, unwrap } from "@/lib/api/client";
import { setCsrfToken } from "@/lib/api/csrf";
import type { Me } from "./me";

/** POST /api/auth/login: sets the session cookie, returns the signed-in user and CSRF token. */
export async function login(email: string, password: string): Promise<Me> {
  const me = await unwrap(api.POST("/api/auth/login", { body: { email, password } }));
  setCsrfToken(me.csrf_token);
  return me;
}
