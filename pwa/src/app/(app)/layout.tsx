import { HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DeviceHintProvider } from "@/components/ui/device-hint";
import { FormatProvider } from "@/components/ui/format-context";
import { AppShell } from "./_components/app-shell";
import { sessionData } from "./_server/initial-data";
import { requestHints } from "./_server/request-hints";

/**
 * The signed-in screens. Rendered per request: with the browser's session, who is signed in is
 * read on the server and the screens' HTML holds their first data (see _server/initial-data.ts).
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const [session, hints] = await Promise.all([sessionData(), requestHints()]);
  return (
    <FormatProvider server={hints.format}>
      <DeviceHintProvider phone={hints.phone}>
        <HydrationBoundary state={session}>
          <AppShell>{children}</AppShell>
        </HydrationBoundary>
      </DeviceHintProvider>
    </FormatProvider>
  );
}
