import type Delta from "quill-delta";
import type { RemoteCursor } from "./serverAnchors";

/** How many applied deltas are kept to move a cursor published before ops this tab has already applied. */
const historyLength = 200;

/**
 * Colleagues' carets in rich sections, in the server's content (UTF-16 indices, PROTOCOL §9), moved through every
 * applied delta: a cursor.moved names the revision its indices refer to, and deltas after it that this tab has already
 * applied are replayed over it from a short history.
 */
export class RichCursors {
  readonly cursors = new Map<string, RemoteCursor>();
  private history: { revision: number; section: string; delta: Delta }[] = [];

  reset(): void {
    this.cursors.clear();
    this.history = [];
  }

  applied(revision: number, section: string, delta: Delta): void {
    for (const [userId, cursor] of this.cursors) {
      if (cursor.section === section && cursor.revision < revision) this.cursors.set(userId, move(cursor, delta, revision));
    }
    this.history.push({ revision, section, delta });
    if (this.history.length > historyLength) this.history.shift();
  }

  moved(cursor: RemoteCursor): void {
    let moved = { ...cursor };
    for (const entry of this.history) {
      if (entry.revision > moved.revision && entry.section === moved.section) moved = move(moved, entry.delta, entry.revision);
    }
    this.cursors.set(cursor.userId, moved);
  }

  left(userId: string): void {
    this.cursors.delete(userId);
  }
}

function move(cursor: RemoteCursor, delta: Delta, revision: number): RemoteCursor {
  return { ...cursor, anchor: delta.transformPosition(cursor.anchor), head: delta.transformPosition(cursor.head), revision };
}
