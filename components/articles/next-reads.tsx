import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { NextRead } from "@/lib/articles/next-reads";

/** A short "read next" list under an article: headline, source and time; nothing when it is empty. */
export function NextReadList({ title, items, testId }: { title: string; items: NextRead[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <section className="mt-8 border-t border-stone-200 pt-4" data-testid={testId}>
      <h2 className="font-serif text-xl font-semibold">{title}</h2>
      <ul className="mt-3 space-y-3">
        {items.map((a) => (
          <li key={a.id} className="text-sm" data-testid="next-read">
            <Link href={a.path} className="font-serif text-base text-sky-800 hover:underline">
              {a.title}
            </Link>
            <br />
            <span className="font-medium text-stone-800">{a.source.name}</span>
            <span aria-hidden="true"> · </span>
            <RelativeTime date={a.publishedAt} estimated={a.dateEstimated} />
          </li>
        ))}
      </ul>
    </section>
  );
}
