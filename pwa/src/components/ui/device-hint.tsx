"use client";

import { createContext, useContext, type ReactNode } from "react";

const PhoneHint = createContext(false);

/**
 * The server's guess whether the page is on a phone (from the request's client hints), so the
 * screens it renders use the phone layout there; the browser's own media query takes over right
 * after hydration (features/dashboard/hooks/use-media-query.ts).
 */
export function DeviceHintProvider({ phone, children }: { phone: boolean; children: ReactNode }) {
  return <PhoneHint.Provider value={phone}>{children}</PhoneHint.Provider>;
}

export function usePhoneHint(): boolean {
  return useContext(PhoneHint);
}
