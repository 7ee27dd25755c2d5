import type { Metadata } from "next";
import { SettingsRoute } from "./_components/settings-route";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return <SettingsRoute />;
}
