"use client";

import { useState, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/api/query-client";
import { OfflineQueryProvider } from "@/lib/pwa/offline-query-provider";
import { UpdatePrompt } from "@/lib/pwa/update-prompt";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <OfflineQueryProvider client={queryClient}>
      {children}
      <UpdatePrompt />
    </OfflineQueryProvider>
  );
}
