"use client";

import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** What an admin action reports back to its form. */
export interface FormResult {
  ok: boolean;
  message: string;
}

/** A submit button that is disabled, with a busy label, while its form's action runs. */
export function SubmitButton({
  children,
  busy,
  className = "rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100",
}: {
  children: ReactNode;
  busy?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={`${className} disabled:opacity-60`}>
      {pending && busy ? busy : children}
    </button>
  );
}

/**
 * A form bound to a Server Action that returns a message; the message is shown beside the form.
 * Without JavaScript the form still posts and the page shows the same message.
 */
export function ActionForm<S extends FormResult>({
  action,
  children,
  className,
  label,
}: {
  action: (prev: S | null, formData: FormData) => Promise<S>;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={className} aria-label={label}>
      {children}
      {state ? (
        <p role="status" className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
