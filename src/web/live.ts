// "Something was queued": the services' notify() (after a transaction that enqueued notifications)
// tells the web chat's open pages, which then read their own unread count again.

/** A wake-up without data: listeners read what they need from the database themselves. */
export interface NoticeBus {
  /** Calls `listener` on every publish until the returned function is called. */
  subscribe(listener: () => void): () => void;
  /** Wakes every listener (errors of one do not stop the others). */
  publish(): void;
}

export function createNoticeBus(): NoticeBus {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish() {
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch {
          // A closed stream's listener: it unsubscribes itself.
        }
      }
    },
  };
}
