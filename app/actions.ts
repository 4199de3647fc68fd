"use server";

import { revalidatePath } from "next/cache";
import { dismissFirstRunNote } from "@/lib/admin/first-run";

/** Hides the first-run note in this browser. */
export async function dismissFirstRunAction(): Promise<void> {
  await dismissFirstRunNote();
  revalidatePath("/");
}
