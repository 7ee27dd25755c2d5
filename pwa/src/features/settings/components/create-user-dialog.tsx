"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ApiError } from "@/lib/api/errors";
import { useCreateUser, type CreatedUser } from "../api/create-user";
import { fieldErrorsFrom, settingsErrorMessage } from "../errors";
import {
  createUserSchema,
  PASSWORD_MIN_LENGTH,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  ROLES,
  toUserCreateBody,
  type CreateUserInput,
  type CreateUserValues,
} from "../schemas";

const API_FIELDS = {
  email: "email",
  display_name: "displayName",
  password: "password",
  role: "role",
} as const satisfies Record<string, keyof CreateUserInput>;

export interface CreateUserDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (user: CreatedUser) => void;
}

const INPUT = "mt-1 block min-h-11 w-full rounded-md border border-slate-300 px-3 text-base";

/** "Add user": email, display name, password (or a generated one) and role. */
export function CreateUserDialog({ open, onOpenChange, onCreated }: CreateUserDialogProps) {
  const id = useId();
  const create = useCreateUser();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserInput, unknown, CreateUserValues>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: "", displayName: "", password: "", role: "reviewer" },
  });

  function close(next: boolean) {
    if (!next) {
      reset();
      setFailure(null);
    }
    onOpenChange(next);
  }

  const onSubmit = handleSubmit(async (values) => {
    if (create.isPending) return;
    setFailure(null);
    try {
      const user = await create.mutateAsync(toUserCreateBody(values));
      close(false);
      onCreated(user);
    } catch (error) {
      const fields = fieldErrorsFrom(error, API_FIELDS);
      const named = Object.entries(fields) as [keyof CreateUserInput, string][];
      named.forEach(([field, message], index) => setError(field, { message }, { shouldFocus: index === 0 }));
      if (named.length === 0) {
        // email_taken belongs to the email field; anything else to the form.
        if (error instanceof ApiError && error.code === "email_taken") {
          setError("email", { message: settingsErrorMessage(error) }, { shouldFocus: true });
        } else {
          setFailure(settingsErrorMessage(error));
        }
      }
    }
  });

  const describedBy = (field: keyof CreateUserInput, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : null, errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") ||
    undefined;

  const error = (field: keyof CreateUserInput) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1 text-sm text-red-700">
        {errors[field]?.message}
      </p>
    ) : null;

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Add user"
      description="They sign in with this email address and password."
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div>
          <label htmlFor={`${id}-email`} className="block text-sm font-medium text-slate-800">
            Email
          </label>
          <input
            id={`${id}-email`}
            type="email"
            inputMode="email"
            autoComplete="off"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy("email")}
            className={INPUT}
            {...register("email")}
          />
          {error("email")}
        </div>
        <div>
          <label htmlFor={`${id}-displayName`} className="block text-sm font-medium text-slate-800">
            Display name <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <input
            id={`${id}-displayName`}
            type="text"
            autoComplete="off"
            aria-invalid={errors.displayName ? true : undefined}
            aria-describedby={describedBy("displayName")}
            className={INPUT}
            {...register("displayName")}
          />
          {error("displayName")}
        </div>
        <div>
          <label htmlFor={`${id}-password`} className="block text-sm font-medium text-slate-800">
            Password <span className="font-normal text-slate-600">(optional)</span>
          </label>
          <p id={`${id}-password-hint`} className="text-sm text-slate-600">
            At least {PASSWORD_MIN_LENGTH} characters. Leave empty to have a temporary password made for you
            (shown once).
          </p>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy("password", true)}
            className={INPUT}
            {...register("password")}
          />
          {error("password")}
        </div>
        <div>
          <label htmlFor={`${id}-role`} className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select
            id={`${id}-role`}
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={describedBy("role", true)}
            className={`${INPUT} bg-white`}
            {...register("role")}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <ul id={`${id}-role-hint`} className="mt-1 text-sm text-slate-600">
            {ROLES.map((role) => (
              <li key={role}>
                <span className="font-medium text-slate-700">{ROLE_LABELS[role]}</span>: {ROLE_DESCRIPTIONS[role]}
              </li>
            ))}
          </ul>
          {error("role")}
        </div>
        {failure ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {failure}
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button onClick={() => close(false)}>Cancel</Button>
          <Button type="submit" variant="primary" aria-disabled={isSubmitting || undefined}>
            {isSubmitting ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
