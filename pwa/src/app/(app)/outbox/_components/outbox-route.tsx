"use client";

import { OutboxScreen } from "@/features/outbox/components/outbox-screen";

/** The app shell renders its pages only once the session is known; the outbox is the signed-in user's. */
export function OutboxRoute() {
  return <OutboxScreen />;
}
