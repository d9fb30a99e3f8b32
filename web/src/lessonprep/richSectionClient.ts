import Delta, { type Op } from "quill-delta";

/** A rich section's change as SubmitOp carries it (PROTOCOL §9). */
export interface RichSubmit {
  clientId: string;
  clientSeq: number;
  baseRevision: number;
  delta: Delta;
}

/** An op.applied of a rich section. */
export interface RichApplied {
  revision: number;
  section: string;
  delta: Op[];
  userId: string;
  clientId: string;
  clientSeq: number;
}

/**
 * What a tab keeps in the browser so that a reload resends its unacknowledged change (the same command, so the server
 * never applies it twice) and then the edits typed after it: the server's content at `revision` under them, so the
 * ops this tab missed can be replayed over both.
 */
export interface RichSaved {
  revision: number;
  server: Op[];
  inFlight: { clientId: string; clientSeq: number; baseRevision: number; sent: Op[]; now: Op[] } | null;
  pending: Op[] | null;
}

interface InFlight {
  /** As it went out: a resend after a reload must be the very same command. */
  sent: RichSubmit;
  /** Moved past every op the server applied before it, so that it applies to `server`. */
  now: Delta;
}

/**
 * The OT client of one rich section, the discipline of sectionClient.ts over Quill Deltas: one change awaiting
 * acknowledgement, later local edits composed into `pending`. The server applied each incoming op before ours, so our
 * change is transformed with the incoming one first (`incoming.transform(mine, true)`, as the server does) and the
 * incoming one with ours second (`mine.transform(incoming, false)`): both sides end on the same document.
 */
export class RichSectionClient {
  /**
   * The server's content as of `revision`, the last op of this section this tab has applied; `send` gets it as the
   * base (a plan's later revision, of other sections' ops, is as good a base).
   */
  server: Delta;
  revision: number;
  private inFlight: InFlight | null = null;
  private pending: Delta | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    server: Delta,
    revision: number,
    private send: (delta: Delta, baseRevision: number) => RichSubmit,
    private readonly userId: string,
  ) {
    this.server = server;
    this.revision = revision;
  }

  /** What the editor shows: the server's content with this tab's unacknowledged edits over it. */
  get content(): Delta {
    let content = this.server;
    if (this.inFlight) content = content.compose(this.inFlight.now);
    if (this.pending) content = content.compose(this.pending);
    return content;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** The command awaiting acknowledgement, to resend as it was after a reload. */
  get unacknowledged(): RichSubmit | null {
    return this.inFlight?.sent ?? null;
  }

  /** Resolves once nothing awaits acknowledgement: positions sent to the server are only meaningful then. */
  whenIdle(): Promise<void> {
    if (!this.inFlight) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * A position in the server's content moved into the editor's, past this tab's unacknowledged edits; with
   * `stayBeforeInsert` text typed at it goes after it (a comment's end).
   */
  toLocal(index: number, stayBeforeInsert = false): number {
    let moved = index;
    if (this.inFlight) moved = this.inFlight.now.transformPosition(moved, stayBeforeInsert);
    if (this.pending) moved = this.pending.transformPosition(moved, stayBeforeInsert);
    return moved;
  }

  /** The user changed the editor's content by `change`. */
  edit(change: Delta): void {
    if (change.ops.length === 0) return;
    if (!this.inFlight) this.inFlight = this.start(change);
    else this.pending = this.pending ? this.pending.compose(change) : change;
  }

  /** An op.applied of this section; returns the change to apply to the editor (null for our own acknowledgement). */
  applied(data: RichApplied): Delta | null {
    if (data.revision <= this.revision) return null;
    this.revision = data.revision;
    const sent = this.inFlight?.sent;
    if (sent && data.userId === this.userId && data.clientId === sent.clientId && data.clientSeq === sent.clientSeq) {
      this.server = this.server.compose(this.inFlight!.now);
      this.inFlight = null;
      if (this.pending) {
        this.inFlight = this.start(this.pending);
        this.pending = null;
      } else {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
      return null;
    }
    const incoming = new Delta(data.delta);
    this.server = this.server.compose(incoming);
    let local = incoming;
    if (this.inFlight) {
      const mine = this.inFlight.now;
      this.inFlight = { ...this.inFlight, now: local.transform(mine, true) };
      local = mine.transform(local, false);
    }
    if (this.pending) {
      const mine = this.pending;
      this.pending = local.transform(mine, true);
      local = mine.transform(local, false);
    }
    return local;
  }

  save(): RichSaved | null {
    if (!this.inFlight && !this.pending) return null;
    const inFlight = this.inFlight && {
      clientId: this.inFlight.sent.clientId,
      clientSeq: this.inFlight.sent.clientSeq,
      baseRevision: this.inFlight.sent.baseRevision,
      sent: this.inFlight.sent.delta.ops,
      now: this.inFlight.now.ops,
    };
    return { revision: this.revision, server: this.server.ops, inFlight, pending: this.pending?.ops ?? null };
  }

  /**
   * A client brought back from `saved` (the same in-flight command, not yet resent) with the ops the server applied to
   * the section since, in revision order. Null when they do not lead to `current`, the server's content now: some ops
   * were no longer retained, and the saved edits cannot be placed.
   */
  static restore(
    saved: RichSaved,
    missed: RichApplied[],
    current: Delta,
    send: (delta: Delta, baseRevision: number) => RichSubmit,
    userId: string,
  ): RichSectionClient | null {
    const client = new RichSectionClient(new Delta(saved.server), saved.revision, send, userId);
    if (saved.inFlight) {
      const f = saved.inFlight;
      client.inFlight = {
        sent: { clientId: f.clientId, clientSeq: f.clientSeq, baseRevision: f.baseRevision, delta: new Delta(f.sent) },
        now: new Delta(f.now),
      };
    }
    client.pending = saved.pending ? new Delta(saved.pending) : null;
    // An acknowledgement among the missed ops would send the pending edits mid-replay, against a revision that is
    // not the server's latest: hold them, and send them once the replay has caught up.
    let held = false;
    client.send = (delta) => {
      held = true;
      return { clientId: "", clientSeq: 0, baseRevision: 0, delta };
    };
    for (const op of [...missed].sort((a, b) => a.revision - b.revision)) client.applied(op);
    client.send = send;
    if (!sameContent(client.server, current)) return null;
    if (held && client.inFlight) client.inFlight = client.start(client.inFlight.now);
    return client;
  }

  private start(delta: Delta): InFlight {
    return { sent: this.send(delta, this.revision), now: delta };
  }
}

export function sameContent(a: Delta, b: Delta): boolean {
  return JSON.stringify(a.ops) === JSON.stringify(b.ops);
}
