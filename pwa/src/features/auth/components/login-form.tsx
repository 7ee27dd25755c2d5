"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/api/errors";
import { queryKeys } from "@/lib/api/keys";
import { useHydrated } from "@/lib/use-hydrated";
import { login } from "../api/login";
import { loginSchema, type LoginValues } from "../schemas";

export interface LoginFormProps {
  /** Called once signed in (navigate, or close the re-sign-in dialog). */
  onSignedIn: () => void;
  defaultEmail?: string;
}

export function LoginForm({ onSignedIn, defaultEmail = "" }: LoginFormProps) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  // Until React has hydrated the form, a click would submit it natively: keep it disabled.
  const ready = useHydrated();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ resolver: zodResolver(loginSchema), defaultValues: { email: defaultEmail, password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const me = await login(values.email, values.password);
      queryClient.setQueryData(queryKeys.me(), me);
      onSignedIn();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <label htmlFor="login-email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          id="login-email"
          type="email"
          autoComplete="username"
          inputMode="email"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "login-email-error" : undefined}
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-300 px-3 text-base"
          {...register("email")}
        />
        {errors.email ? (
          <p id="login-email-error" className="mt-1 text-sm text-red-700">
            {errors.email.message}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="login-password" className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "login-password-error" : undefined}
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-300 px-3 text-base"
          {...register("password")}
        />
        {errors.password ? (
          <p id="login-password-error" className="mt-1 text-sm text-red-700">
            {errors.password.message}
          </p>
        ) : null}
      </div>
      {failure ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {failure}
        </p>
      ) : null}
      <Button type="submit" variant="primary" className="w-full" disabled={!ready || isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
