import cliProgress from "cli-progress";

/** Running totals shown next to the bar. */
export interface ProgressCounts {
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** A progress bar with counts on a terminal; silent when stdout is not a TTY (the summary line still prints). */
export function createProgress(label: string) {
  if (!process.stdout.isTTY) {
    return {
      start: (_total: number) => {},
      update: (_item: unknown, _counts: ProgressCounts) => {},
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {value}/{total} | {new} new, {updated} updated, {unchanged} unchanged, {failed} failed`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  return {
    // A long-running poller starts the bar again for each round.
    start: (total: number) => {
      done = 0;
      bar.start(total, 0, { new: 0, updated: 0, unchanged: 0, failed: 0 });
    },
    update: (_item: unknown, counts: ProgressCounts) => bar.update(++done, { ...counts }),
    stop: () => bar.stop(),
  };
}
