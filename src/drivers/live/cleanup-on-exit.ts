/**
 * What a running live scenario would leave behind if the run were interrupted (its namespace,
 * changes to shared nodes), undone on Ctrl-C or SIGTERM before the process exits. Undo actions
 * are requested, not awaited to completion: deleting a namespace is finished by its controller.
 */
const pending = new Map<string, () => Promise<unknown>>();
let installed = false;

export function undoOnInterrupt(key: string, action: () => Promise<unknown>): void {
  pending.set(key, action);
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void undoAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/** The scenario cleaned up after itself: nothing left to undo for `key`. */
export function forgetUndo(key: string): void {
  pending.delete(key);
}

async function undoAll(): Promise<void> {
  await Promise.all([...pending.values()].map((action) => action().catch(() => undefined)));
  pending.clear();
}
