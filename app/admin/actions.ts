"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { LOCAL_PATH, SIGN_IN_PATH, signInFromRequest, signOutFromRequest } from "@/lib/admin/request";

/** What the sign-in form shows after a failed attempt. */
export type SignInState = { error: string } | null;

const signInSchema = z.object({
  password: z.string().max(1024),
  // Only a path on this site, so the form cannot be used to send someone elsewhere.
  next: z.string().regex(LOCAL_PATH).catch("/admin/sources"),
});

/** Signs in with the operator password (rate-limited per client); on success goes to the admin page. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const input = signInSchema.safeParse({
    password: formData.get("password"),
    next: formData.get("next") ?? "",
  });
  if (!input.success) return { error: "Enter the password." };
  const status = await signInFromRequest(input.data.password);
  switch (status) {
    case "signed-in":
      redirect(input.data.next);
    case "wrong-password":
      return { error: "Wrong password." };
    case "rate-limited":
      return { error: "Too many sign-in attempts. Wait 15 minutes and try again." };
    case "off":
      return { error: "The admin area is off: set DISPATCH_ADMIN_PASSWORD and restart the server." };
  }
}

/** Signs out: the session is deleted from the database, so its cookie no longer works anywhere. */
export async function signOutAction(): Promise<void> {
  await signOutFromRequest();
  redirect(SIGN_IN_PATH);
}
