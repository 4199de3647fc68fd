"use client";

import { useActionState } from "react";
import { SubmitButton } from "./action-form";

/** The operator's sign-in form: one password field. */
export function SignInForm({
  action,
  next,
}: {
  action: (prev: { error: string } | null, formData: FormData) => Promise<{ error: string } | null>;
  next: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-6 space-y-3">
      <input type="hidden" name="next" value={next} />
      <label className="block text-sm font-medium" htmlFor="password">
        Password
      </label>
      <input
        id="password"
        name="password"
        type="password"
        required
        autoComplete="current-password"
        className="w-full rounded border border-stone-300 px-3 py-2"
      />
      {state ? (
        <p role="alert" className="text-sm text-red-700" data-testid="sign-in-error">
          {state.error}
        </p>
      ) : null}
      <SubmitButton busy="Signing in…" className="rounded bg-stone-900 px-4 py-2 text-white">
        Sign in
      </SubmitButton>
    </form>
  );
}
