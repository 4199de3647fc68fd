import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { adminEnabled, currentSession, LOCAL_PATH } from "@/lib/admin/request";
import { signInAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  if (!adminEnabled()) notFound();
  const { next } = await searchParams;
  const target = typeof next === "string" && LOCAL_PATH.test(next) ? next : "/admin/sources";
  if (await currentSession()) redirect(target);
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="font-serif text-3xl font-bold">Sign in</h1>
      <p className="mt-2 text-sm text-stone-600">
        The operator password is the server&apos;s DISPATCH_ADMIN_PASSWORD.
      </p>
      <SignInForm action={signInAction} next={target} />
    </div>
  );
}
