/**
 * Registers /sw.js (production builds; in `next dev` only with NEXT_PUBLIC_DOCFLOW_SW=1, after a
 * `serwist build` into .next) and reports a new version waiting to take over. The app keeps
 * working without a worker (no support, registration refused): it is then online-only.
 */

const ENABLED =
  process.env.NODE_ENV === "production" ? process.env.NEXT_PUBLIC_DOCFLOW_SW !== "0" : process.env.NEXT_PUBLIC_DOCFLOW_SW === "1";

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** `accept` activates the new version and reloads the page (the outbox is in IndexedDB: nothing queued is lost). */
export type OnUpdateReady = (accept: () => void) => void;

/** Registers the worker; returns a function that stops its listeners and update checks. */
export async function registerServiceWorker(onUpdateReady: OnUpdateReady): Promise<() => void> {
  if (!("serviceWorker" in navigator)) return () => undefined;
  const container = navigator.serviceWorker;

  if (!ENABLED) {
    // A worker left by a production build on this origin would answer `next dev`'s pages from its precache.
    const registrations = await container.getRegistrations().catch(() => []);
    await Promise.all(registrations.map((registration) => registration.unregister()));
    return () => undefined;
  }

  let registration: ServiceWorkerRegistration;
  try {
    registration = await container.register("/sw.js", { scope: "/", updateViaCache: "none" });
  } catch {
    return () => undefined;
  }

  let accepted = false;
  let hadController = Boolean(container.controller);

  const accept = (waiting: ServiceWorker) => () => {
    accepted = true;
    waiting.postMessage({ type: "SKIP_WAITING" });
  };
  const reportWaiting = () => {
    // With no controller this is the first install: it activates (and claims the page) by itself.
    if (registration.waiting && container.controller) onUpdateReady(accept(registration.waiting));
  };
  const onUpdateFound = () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed") reportWaiting();
    });
  };
  const onControllerChange = () => {
    if (accepted) {
      window.location.reload();
    } else if (hadController) {
      // Another tab accepted the update: this page still runs the old version's scripts.
      onUpdateReady(() => window.location.reload());
    }
    hadController = true;
  };
  const checkForUpdate = () => void registration.update().catch(() => undefined);

  registration.addEventListener("updatefound", onUpdateFound);
  container.addEventListener("controllerchange", onControllerChange);
  window.addEventListener("online", checkForUpdate);
  const timer = window.setInterval(checkForUpdate, UPDATE_CHECK_MS);
  reportWaiting(); // a version that was already waiting when the page opened

  return () => {
    registration.removeEventListener("updatefound", onUpdateFound);
    container.removeEventListener("controllerchange", onControllerChange);
    window.removeEventListener("online", checkForUpdate);
    window.clearInterval(timer);
  };
}
