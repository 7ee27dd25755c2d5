"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useCreateToken, type CreatedToken } from "../api/create-token";
import { useTokens } from "../api/list-tokens";
import { useRevokeToken } from "../api/revoke-token";
import { fieldErrorsFrom, settingsErrorMessage } from "../errors";
import { createTokenSchema, ROLE_LABELS, type CreateTokenInput, type CreateTokenValues, type Role } from "../schemas";
import { SecretDialog } from "./secret-dialog";
import { TokenList } from "./token-list";

/** The signed-in user's own API tokens: any role may create, list and revoke its own. */
export function TokensSection({ role }: { role: Role }) {
  const headingId = useId();
  const nameId = useId();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateTokenInput, unknown, CreateTokenValues>({
    resolver: zodResolver(createTokenSchema),
    defaultValues: { name: "" },
  });

  const onSubmit = handleSubmit(async ({ name }) => {
    if (create.isPending) return; // a second press while the first is on its way
    setFailure(null);
    try {
      setCreated(await create.mutateAsync(name));
      reset();
    } catch (error) {
      const fields = fieldErrorsFrom(error, { name: "name" as const });
      if (fields.name) setError("name", { message: fields.name });
      else setFailure(settingsErrorMessage(error));
    }
  });

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        Your API tokens
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Scripts send a token as <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code>. A
        token may do what your role ({ROLE_LABELS[role]}) may do, until it is revoked.
      </p>

      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="sm:w-80">
          <label htmlFor={nameId} className="block text-sm font-medium text-slate-800">
            Token name
          </label>
          <input
            id={nameId}
            type="text"
            autoComplete="off"
            placeholder="e.g. nightly export"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${nameId}-error` : undefined}
            className="mt-1 block min-h-11 w-full rounded-md border border-slate-300 px-3 text-base"
            {...register("name")}
          />
          {errors.name ? (
            <p id={`${nameId}-error`} className="mt-1 text-sm text-red-700">
              {errors.name.message}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="primary" className="sm:mt-6" aria-disabled={isSubmitting || undefined}>
          {isSubmitting ? "Creating…" : "Create token"}
        </Button>
      </form>
      {failure ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800">
          {failure}
        </p>
      ) : null}

      <div className="mt-6">
        {tokens.isPending ? (
          <p className="text-sm text-slate-600">Loading tokens…</p>
        ) : tokens.isError ? (
          <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            <p>The tokens could not be loaded: {settingsErrorMessage(tokens.error)}</p>
            <Button className="mt-2" onClick={() => void tokens.refetch()}>
              Try again
            </Button>
          </div>
        ) : (
          <TokenList
            tokens={tokens.data}
            label="Your API tokens"
            owner="your"
            revoke={(tokenId) => revoke.mutateAsync(tokenId)}
          />
        )}
      </div>

      <SecretDialog
        secret={created?.token ?? null}
        onClose={() => setCreated(null)}
        title={`Token “${created?.name ?? ""}” created`}
        label="API token"
      >
        Store it where the script that uses it can read it (a secret store or an environment variable).
      </SecretDialog>
    </section>
  );
}
