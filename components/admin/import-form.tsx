"use client";

import { useActionState } from "react";
import { SubmitButton } from "./action-form";

interface ImportState {
  ok: boolean;
  message: string;
  report?: {
    added: { feedUrl: string; name: string }[];
    existing: { feedUrl: string; name: string }[];
    refused: { feedUrl: string; reason: string }[];
  };
}

/** Upload an OPML file; the result lists what was added, what was already there and what was refused. */
export function ImportForm({
  action,
  maxKb,
}: {
  action: (prev: ImportState | null, formData: FormData) => Promise<ImportState>;
  maxKb: number;
}) {
  const [state, formAction] = useActionState(action, null);
  const report = state?.report;
  return (
    <div>
      <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label="Import OPML">
        <label className="flex flex-col text-sm">
          <span className="font-medium">OPML file (up to {maxKb} KB)</span>
          <input type="file" name="file" accept=".opml,.xml,text/x-opml,text/xml" required className="mt-1" />
        </label>
        <SubmitButton busy="Importing…">Import</SubmitButton>
      </form>
      {state ? (
        <div role="status" className={`mt-2 text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
          <p>{state.message}</p>
          {report ? (
            <ul className="mt-1 list-disc pl-5 text-stone-700" data-testid="import-report">
              {report.added.map((f) => (
                <li key={`a-${f.feedUrl}`}>
                  added: {f.name} ({f.feedUrl})
                </li>
              ))}
              {report.existing.map((f) => (
                <li key={`e-${f.feedUrl}`}>
                  already there: {f.name} ({f.feedUrl})
                </li>
              ))}
              {report.refused.map((f) => (
                <li key={`r-${f.feedUrl}`}>
                  refused: {f.feedUrl}: {f.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
