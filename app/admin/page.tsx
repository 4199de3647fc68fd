import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/admin/request";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  await requireAdminPage("/admin/sources");
  redirect("/admin/sources");
}
