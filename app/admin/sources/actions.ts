"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdminAction } from "@/lib/admin/request";
import { describePoll, pollNow, setPaused, subscribeToAddress, updateSource } from "@/lib/admin/sources";
import type { FoundFeed } from "@/lib/ingest/discover";
import { importOpml, MAX_OPML_BYTES, type OpmlImportReport } from "@/lib/ingest/opml";
import {
  feedUrlSchema,
  intervalSchema,
  removeSource,
  SourceInputError,
  sourceIdSchema,
  sourceNameSchema,
} from "@/lib/ingest/sources";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** What a form shows after its action ran. */
export interface ActionState {
  ok: boolean;
  message: string;
}

const PAGE = "/admin/sources";

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}` : "invalid input";
}

/** Runs an action's body, turning bad input into a message instead of an error page. */
async function attempt(work: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SourceInputError) return { ok: false, message: error.message };
    throw error;
  }
}

const text = (formData: FormData, key: string) => {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
};

/** The subscribe form's state: a message, and the feeds to pick from when a page links several. */
export interface SubscribeState extends ActionState {
  choices?: FoundFeed[];
}

/** Subscribes to a pasted feed or site address (feed autodiscovery) and polls the new feed at once. */
export async function subscribeAction(
  _prev: SubscribeState | null,
  formData: FormData,
): Promise<SubscribeState> {
  await requireAdminAction();
  const url = feedUrlSchema.safeParse(text(formData, "url"));
  if (!url.success) return { ok: false, message: firstIssue(url.error) };
  const outcome = await subscribeToAddress(db, url.data, {
    allowPrivateNetwork: env.DISPATCH_ALLOW_PRIVATE_NETWORK,
  });
  revalidatePath(PAGE);
  switch (outcome.status) {
    case "refused":
      return { ok: false, message: outcome.reason };
    case "choose":
      return {
        ok: true,
        message: `This page links ${outcome.feeds.length} feeds: pick one.`,
        choices: outcome.feeds,
      };
    case "subscribed":
      return {
        ok: outcome.poll.status === "fetched" || outcome.poll.status === "not-modified",
        message: `Subscribed to ${outcome.name} (${outcome.feedUrl}); first poll ${describePoll(outcome.poll)}.`,
      };
  }
}

const editSchema = z.object({ id: sourceIdSchema, name: sourceNameSchema, interval: intervalSchema });

/** Renames a source and changes its poll interval. */
export async function updateSourceAction(
  _prev: ActionState | null,
  formData: FormData,
): Promise<ActionState> {
  await requireAdminAction();
  const input = editSchema.safeParse({
    id: text(formData, "id"),
    name: text(formData, "name"),
    interval: text(formData, "interval"),
  });
  if (!input.success) return { ok: false, message: firstIssue(input.error) };
  return attempt(async () => {
    await updateSource(db, input.data.id, { name: input.data.name, pollInterval: input.data.interval });
    revalidatePath(PAGE);
    return { ok: true, message: "Saved." };
  });
}

const pauseSchema = z.object({ id: sourceIdSchema, paused: z.enum(["1", "0"]) });

/** Pauses or resumes a source. */
export async function setPausedAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  await requireAdminAction();
  const input = pauseSchema.safeParse({ id: text(formData, "id"), paused: text(formData, "paused") });
  if (!input.success) return { ok: false, message: firstIssue(input.error) };
  return attempt(async () => {
    await setPaused(db, input.data.id, input.data.paused === "1");
    revalidatePath(PAGE);
    return { ok: true, message: input.data.paused === "1" ? "Paused." : "Resumed." };
  });
}

const idSchema = z.object({ id: sourceIdSchema });

/** Polls one source now and says what came of it. */
export async function pollNowAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  await requireAdminAction();
  const input = idSchema.safeParse({ id: text(formData, "id") });
  if (!input.success) return { ok: false, message: firstIssue(input.error) };
  return attempt(async () => {
    const result = await pollNow(db, input.data.id, {
      allowPrivateNetwork: env.DISPATCH_ALLOW_PRIVATE_NETWORK,
    });
    revalidatePath(PAGE);
    return {
      ok: result.status === "fetched" || result.status === "not-modified",
      message: `Polled: ${describePoll(result)}.`,
    };
  });
}

/** Removes a source with its articles. */
export async function removeSourceAction(
  _prev: ActionState | null,
  formData: FormData,
): Promise<ActionState> {
  await requireAdminAction();
  const input = idSchema.safeParse({ id: text(formData, "id") });
  if (!input.success) return { ok: false, message: firstIssue(input.error) };
  return attempt(async () => {
    const removed = await removeSource(db, input.data.id);
    revalidatePath(PAGE);
    return {
      ok: true,
      message: `Removed ${removed.name} and its ${removed.articles} article${removed.articles === 1 ? "" : "s"}.`,
    };
  });
}

/** The import form's state: the report, feed by feed. */
export interface ImportState extends ActionState {
  report?: OpmlImportReport;
}

/** Imports an uploaded OPML file: subscribes to its new feeds (the scheduler fetches them within a minute). */
export async function importOpmlAction(_prev: ImportState | null, formData: FormData): Promise<ImportState> {
  await requireAdminAction();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, message: "Choose an OPML file to import." };
  return attempt(async () => {
    // Refused before it is read; Next.js itself caps a Server Action's whole body at 1 MB.
    if (file.size > MAX_OPML_BYTES)
      return {
        ok: false,
        message: `The file is ${Math.ceil(file.size / 1024)} KB; OPML files up to ${MAX_OPML_BYTES / 1024} KB are accepted.`,
      };
    const report = await importOpml(db, new Uint8Array(await file.arrayBuffer()), {
      allowPrivateNetwork: env.DISPATCH_ALLOW_PRIVATE_NETWORK,
    });
    revalidatePath(PAGE);
    return {
      ok: true,
      message: `${report.added.length} added, ${report.existing.length} already there, ${report.refused.length} refused.`,
      report,
    };
  });
}
