"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { LoginForm } from "@/features/auth/components/login-form";
import { safeNext } from "@/features/auth/schemas";

export function LoginScreen() {
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-semibold text-slate-900">Sign in to Docflow</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">Review and export your team&apos;s invoices.</p>
        <LoginForm onSignedIn={() => router.replace(next)} />
      </div>
    </main>
  );
}
