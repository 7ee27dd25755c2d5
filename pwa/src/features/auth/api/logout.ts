import { api, unwrap } from "@/lib/api/client";
import { setCsrfToken } from "@/lib/api/csrf";

export async function logout(): Promise<void> {
  try {
    await unwrap(api.POST("/api/auth/logout"));
  } finally {
    setCsrfToken(null);
  }
}
