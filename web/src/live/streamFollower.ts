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
 * A stream that chains its events for everyone (`chained`: a classroom, whose answers and tallies are addressed to one
 * user or the staff) is gap-checked by `prev` instead: a jump over events addressed to others is no gap.
 */
export class StreamFollower<S> {
  private lastSeq = 0;
  private lastForEveryone = 0;
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
    private readonly chained = false,
  ) {
    connection.onStream(stream, (event) => {
      if (event.seq === 0) {
        handlers.ephemeral?.(event);
        return;
      }
      this.queue = this.queue.then(() => this.receive(event)).catch(() => undefined);
    });
  }

  /** The seq of the last event applied: a screen that keeps local copies asks Sync for what came after it. */
  get seq(): number {
    return this.lastSeq;
  }

  /** Takes a Join answer (first join or after a reconnect) as the new base. */
  joined(joined: Joined<S>): void {
    this.lastSeq = joined.seq;
    this.lastForEveryone = joined.seq;
    this.handlers.snapshot(joined.snapshot);
  }

  /** Sets the base seq without a snapshot (StartAttempt gives its own view). */
  startAt(seq: number): void {
    this.lastSeq = seq;
    this.lastForEveryone = seq;
  }

  /** After a re-join that keeps local state: fetch what was missed as events (or a snapshot if too far behind). */
  catchUp(): Promise<void> {
    this.queue = this.queue.then(() => this.sync());
    return this.queue;
  }

  private async receive(event: LiveEvent): Promise<void> {
    if (this.chained) return this.receiveChained(event);
    if (event.seq <= this.lastSeq) return;
    if (event.seq > this.lastSeq + 1) {
      await this.sync();
      if (event.seq !== this.lastSeq + 1) return;
    }
    this.handlers.event(event);
    this.lastSeq = event.seq;
  }

  /** Events for me alone (or my group) pass in seq order unchecked; one for everyone whose `prev` I lack means a gap. */
  private async receiveChained(event: LiveEvent): Promise<void> {
    const forEveryone = event.prev !== undefined;
    if (forEveryone ? event.seq <= this.lastForEveryone : event.seq <= this.lastSeq) return;
    if (forEveryone && event.prev! > this.lastForEveryone) {
      await this.sync();
      if (event.seq <= this.lastForEveryone) return;
    }
    this.apply(event);
  }

  private apply(event: LiveEvent): void {
    this.handlers.event(event);
    this.lastSeq = Math.max(this.lastSeq, event.seq);
    if (event.prev !== undefined) this.lastForEveryone = event.seq;
  }

  private async sync(): Promise<void> {
    // A chained stream may have applied events for me after the missing one for everyone: ask from before it.
    const since = this.chained ? this.lastForEveryone : this.lastSeq;
    const result = await this.connection.call<SyncResult<S>>(this.syncMethod, this.streamId, since);
    if (result.snapshot !== undefined && result.snapshot !== null && result.seq !== undefined) {
      this.handlers.snapshot(result.snapshot);
      this.lastSeq = result.seq;
      this.lastForEveryone = result.seq;
      return;
    }
    for (const event of result.events) {
      const fresh = event.seq > this.lastSeq || (event.prev !== undefined && event.seq > this.lastForEveryone);
      if (fresh) this.apply(event);
    }
  }
}
