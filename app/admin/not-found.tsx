import Link from "next/link";

// Shown when the admin area is off (no password configured) and for unknown admin pages.
export default function AdminNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="font-serif text-3xl font-bold">No admin page here</h1>
      <p className="mt-4 text-stone-700" data-testid="admin-off">
        The admin area is off until the server is given an operator password: start it with{" "}
        <code>DISPATCH_ADMIN_PASSWORD=…</code> (or <code>DISPATCH_ADMIN_PASSWORD_HASH</code> from{" "}
        <code>npm run admin:hash-password</code>), then sign in at <code>/admin</code>. Without it, manage
        feeds with <code>npm run sources</code>.
      </p>
      <p className="mt-6">
        <Link href="/" className="text-sky-800 underline">
          Back to the latest news
        </Link>
      </p>
    </div>
  );
}
