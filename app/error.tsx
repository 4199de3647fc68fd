"use client";

import { useEffect } from "react";
import { ErrorNotice } from "@/components/ui/error-notice";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return <ErrorNotice title="This page could not be shown" digest={error.digest} reset={reset} />;
}
