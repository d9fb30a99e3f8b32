import type { LiveConnection, LiveEvent } from "./liveConnection";

export interface Joined<S> {
  seq: number;
  snapshot: S;
}

interface SyncResult<S> {
  events: LiveEvent[];
  snapshot?: S;
  seq?: number;
}

/**
 * Follows one stream by PROTOCOL §0: durable events are applied once each, in seq order; an event after a gap
 * triggers Sync (events, or a snapshot when they are no longer retained); ephemeral ones (seq 0) pass straight through.
 */
export class StreamFollower<S> {
  private lastSeq = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: LiveConnection,
    readonly stream: string,
    private readonly streamId: string,
    private readonly syncMethod: string,
    private readonly handlers: {
      snapshot: (snapshot: S) => void;
      event: (event: LiveEvent) => void;
      ephemeral?: (event: LiveEvent) => void;
    },
  ) {
    connection.onStream(stream, (event) => {
      if (event.seq === 0) {
        handlers.ephemeral?.(event);
        return;
      }
      this.queue = this.queue.then(() => this.receive(event)).catch(() => undefined);
    });
  }

  /** Takes a Join answer (first join or after a reconnect) as the new base. */
  joined(joined: Joined<S>): void {
    this.lastSeq = joined.seq;
    this.handlers.snapshot(joined.snapshot);
  }

  /** Sets the base seq without a snapshot (StartAttempt gives its own view). */
  startAt(seq: number): void {
    this.lastSeq = seq;
  }

  /** After a re-join that keeps local state: fetch what was missed as events (or a snapshot if too far behind). */
  catchUp(): Promise<void> {
    this.queue = this.queue.then(() => this.sync());
    return this.queue;
  }

  private async receive(event: LiveEvent): Promise<void> {
    if (event.seq <= this.lastSeq) return;
    if (event.seq > this.lastSeq + 1) {
      await this.sync();
      if (event.seq !== this.lastSeq + 1) return;
    }
    this.handlers.event(event);
    this.lastSeq = event.seq;
  }

  private async sync(): Promise<void> {
    const result = await this.connection.call<SyncResult<S>>(this.syncMethod, this.streamId, this.lastSeq);
    if (result.snapshot !== undefined && result.snapshot !== null && result.seq !== undefined) {
      this.handlers.snapshot(result.snapshot);
      this.lastSeq = result.seq;
      return;
    }
    for (const event of result.events) {
      if (event.seq <= this.lastSeq) continue;
      this.handlers.event(event);
      this.lastSeq = event.seq;
    }
  }
}
