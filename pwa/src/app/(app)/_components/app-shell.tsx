"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { IntentLink } from "@/components/ui/intent-link";
import { logout } from "@/features/auth/api/logout";
import { useSession } from "@/features/auth/hooks/use-session";
import { ApiError } from "@/lib/api/errors";
import { onSessionExpired } from "@/lib/api/session-events";
import { clearOfflineData } from "@/lib/pwa/offline-data";
import { LiveIndicator } from "@/lib/realtime/live-indicator";
import { useLiveConnection } from "@/lib/realtime/use-live-connection";
import { OfflineSupportWarning, OutboxIndicator } from "@/features/outbox/components/outbox-indicator";
import { useOfflinePrefetch } from "@/features/review/hooks/use-offline-prefetch";
import { pauseOutboxForSignOut, useOutboxEngine } from "@/offline/hooks";
import { prefetchRouteData } from "./route-prefetch";

// Loaded only when needed: the sign-in form (and its validation) stays out of every screen's first load.
const SignInAgain = dynamic(() => import("./sign-in-again"), { ssr: false });

const NAV = [
  { href: "/", label: "Documents", permission: "read" },
  { href: "/upload", label: "Upload", permission: "write" },
  { href: "/settings", label: "Settings", permission: "read" },
] as const;

/** The signed-in frame: header (who, role, live state, sign-out), navigation, re-sign-in dialog. */
export function AppShell({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [leaving, setLeaving] = useState(false);
  const session = useSession({ enabled: !leaving });
  const [expired, setExpired] = useState(false);
  const signedIn = Boolean(session.me);
  const live = useLiveConnection(signedIn && !expired && !leaving);
  useOutboxEngine(); // the tab's outbox: queued writes are sent from here, as the signed-in user
  useOfflinePrefetch(signedIn && !expired && !leaving); // the newest documents needing review, kept for offline review

  useEffect(() => onSessionExpired(() => setExpired(true)), []);

  // The first screen's data starts now, not after the session answer (route-prefetch.ts).
  useEffect(() => {
    prefetchRouteData(queryClient, window.location.pathname, new URLSearchParams(window.location.search));
  }, [queryClient]);

  // Signed out when the page opened: go to the sign-in screen and come back here afterwards.
  const unauthenticated = session.error instanceof ApiError && session.error.status === 401;
  useEffect(() => {
    if (unauthenticated) {
      const next = `${window.location.pathname}${window.location.search}`;
      router.replace(`/login?next=${encodeURIComponent(next)}`);
    }
  }, [unauthenticated, router]);

  async function signOut() {
    // The screens go first (nothing on them refetches after the session ends: a 401 there would
    // send the reviewer to sign in with a `next` back to where they were), then the session.
    setLeaving(true);
    await queryClient.cancelQueries();
    pauseOutboxForSignOut();
    try {
      await logout();
    } finally {
      queryClient.clear();
      await clearOfflineData(); // the persisted query cache and cached files stay with nobody
      router.replace("/login");
    }
  }

  if (leaving) {
    return (
      <main className="flex min-h-dvh items-center justify-center p-4" aria-busy="true">
        <p className="text-slate-600">Signing out…</p>
      </main>
    );
  }

  if (!session.me) {
    return (
      <main className="flex min-h-dvh items-center justify-center p-4" aria-busy={!session.error}>
        {session.error && !unauthenticated ? (
          <div role="alert" className="max-w-md rounded-md bg-red-50 p-4 text-red-800">
            <p>Docflow could not reach the server: {session.error.message}</p>
            <Button className="mt-3" onClick={() => void session.refetch()}>
              Try again
            </Button>
          </div>
        ) : (
          <p className="text-slate-600">Loading…</p>
        )}
      </main>
    );
  }

  const { me, can } = session;
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <IntentLink href="/" className="flex min-h-11 items-center text-lg font-bold text-brand-700">
            Docflow
          </IntentLink>
          <nav aria-label="Main" className="order-3 flex w-full gap-1 sm:order-none sm:w-auto">
            {NAV.filter((item) => can(item.permission)).map((item) => {
              const current = item.href === "/" ? pathname === "/" || pathname.startsWith("/documents") : pathname.startsWith(item.href);
              return (
                <IntentLink
                  key={item.href}
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={`flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {item.label}
                </IntentLink>
              );
            })}
          </nav>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            <LiveIndicator state={live} />
            <OutboxIndicator current={pathname.startsWith("/outbox")} />
            <p className="hidden text-right text-sm leading-tight md:block">
              <span className="block font-medium text-slate-900">{me.user.display_name || me.user.email}</span>
              <span className="block text-slate-600">
                {me.user.email} · <span className="capitalize">{me.user.role}</span>
              </span>
            </p>
            <span className="sr-only md:hidden">
              Signed in as {me.user.email} ({me.user.role})
            </span>
            <Button variant="ghost" onClick={() => void signOut()}>
              Sign out
            </Button>
          </div>
        </div>
        <OfflineSupportWarning />
      </header>
      <main id="main" className="mx-auto w-full max-w-screen-2xl flex-1 px-4 py-4">
        {children}
      </main>
      {expired ? (
        <SignInAgain
          email={me.user.email}
          onSignedIn={() => {
            setExpired(false);
            void queryClient.invalidateQueries();
          }}
        />
      ) : null}
    </div>
  );
}
