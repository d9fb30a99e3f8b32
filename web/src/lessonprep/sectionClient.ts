import { TextOperation, WireOp } from "./textOperation";

export interface Sent {
  clientId: string;
  clientSeq: number;
  op: TextOperation;
}

/**
 * The OT client of one section (PROTOCOL §2): at most one op awaiting acknowledgement, later local edits composed in
 * a buffer; a server op is transformed against both with the server's op first, so every client ends on the server's
 * text. The acknowledgement is the section's own op.applied event carrying this user's id and this tab's
 * clientId/clientSeq, so it is ordered with everyone else's ops; command ids are per user, so a colleague's op under
 * a copied clientId is someone else's op.
 */
export class SectionClient {
  private pending: Sent | null = null;
  private buffer: TextOperation | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    public text: string,
    private readonly send: (op: TextOperation) => Sent,
    private readonly userId: string,
  ) {}

  get busy(): boolean {
    return this.pending !== null;
  }

  /**
   * Resolves once no op awaits acknowledgement, when the local text is the server's text at the last applied
   * revision: positions sent to the server (cursors, comment ranges) are only meaningful then.
   */
  whenIdle(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** A position in the server's text (as of the last applied op) moved into the local text, past unacknowledged edits. */
  toLocal(position: number, followInsert = false): number {
    let moved = position;
    if (this.pending) moved = TextOperation.transformIndex(moved, this.pending.op, followInsert);
    if (this.buffer) moved = TextOperation.transformIndex(moved, this.buffer, followInsert);
    return moved;
  }

  /** The user changed the text to next. */
  edit(next: string): void {
    const op = TextOperation.diff(this.text, next);
    if (op.isNoop) return;
    this.text = next;
    if (!this.pending) this.pending = this.send(op);
    else this.buffer = this.buffer ? TextOperation.compose(this.buffer, op) : op;
  }

  /** An op.applied of this section; returns the op applied to the local text (null for our own acknowledgement). */
  applied(data: { ops: WireOp; userId: string; clientId: string; clientSeq: number }): TextOperation | null {
    if (this.pending && data.userId === this.userId && data.clientId === this.pending.clientId && data.clientSeq === this.pending.clientSeq) {
      this.pending = null;
      if (this.buffer) {
        this.pending = this.send(this.buffer);
        this.buffer = null;
      } else {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
      return null;
    }
    let op = TextOperation.fromWire(data.ops);
    if (this.pending) {
      const [serverPrime, minePrime] = TextOperation.transform(op, this.pending.op);
      this.pending = { ...this.pending, op: minePrime };
      op = serverPrime;
    }
    if (this.buffer) {
      const [serverPrime, minePrime] = TextOperation.transform(op, this.buffer);
      this.buffer = minePrime;
      op = serverPrime;
    }
    this.text = op.apply(this.text);
    return op;
  }
}
