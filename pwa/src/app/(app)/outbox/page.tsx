import type { Metadata } from "next";
import { OutboxRoute } from "./_components/outbox-route";

export const metadata: Metadata = { title: "Outbox" };

export default function OutboxPage() {
  return <OutboxRoute />;
}
