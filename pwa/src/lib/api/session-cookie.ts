/** The cookie of the API's session (api/docflow/auth): its presence is all the Next server looks at. */
export const SESSION_COOKIE = "docflow_session";

/** Set by the service worker on its precache fetches: the shell it stores must hold no user data. */
export const PRECACHE_HEADER = "x-docflow-precache";
