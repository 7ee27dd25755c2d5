/**
 * The session's CSRF token, sent as X-CSRF-Token on every unsafe request. It comes from the
 * sign-in answer or, after a reload, from GET /api/auth/me (kept in memory only).
 */
let token: string | null = null;

export function setCsrfToken(value: string | null | undefined): void {
  token = value ?? null;
}

export function getCsrfToken(): string | null {
  return token;
}
