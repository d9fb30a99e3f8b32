import type { CommentAddedEvent, CursorMovedEvent } from "../live/events.generated";
import { TextOperation } from "./textOperation";

/** A colleague's caret as cursor.moved carries it. */
export type RemoteCursor = CursorMovedEvent;

/** A comment as the snapshot and comment.added carry it. */
export type PlanComment = CommentAddedEvent;

/** How many applied ops are kept to move a cursor that was published before ops this tab has already applied. */
const historyLength = 200;

/**
 * Remote cursors and comment ranges in the server's text, moved through every op.applied the way the server moves
 * them (PROTOCOL §2): a comment's start follows text inserted at it and its end does not, so typing at its edges
 * does not widen it. A cursor.moved names the revision its positions refer to; ops after that revision which this
 * tab has already applied are replayed over it from a short history, later ones move it as they arrive.
 */
export class ServerAnchors {
  readonly cursors = new Map<string, RemoteCursor>();
  comments: PlanComment[] = [];
  private history: { revision: number; section: string; op: TextOperation }[] = [];
  private revision = 0;

  reset(revision: number, comments: PlanComment[]): void {
    this.revision = revision;
    this.comments = comments.map((c) => ({ ...c }));
    this.history = [];
    this.cursors.clear();
  }

  applied(revision: number, section: string, op: TextOperation): void {
    this.moveComments(section, (start, end) => {
      const moved = TextOperation.transformIndex(start, op, true);
      return { start: moved, end: Math.max(moved, TextOperation.transformIndex(end, op, false)) };
    });
    for (const cursor of this.cursors.values()) {
      if (cursor.section === section && cursor.revision < revision) this.cursors.set(cursor.userId, move(cursor, op, revision));
      else if (cursor.revision < revision) cursor.revision = revision;
    }
    this.history.push({ revision, section, op });
    if (this.history.length > historyLength) this.history.shift();
    this.revision = Math.max(this.revision, revision);
  }

  /** Moves the section's comment ranges through one applied change; a rich section's changes come here alone. */
  moveComments(section: string, move: (start: number, end: number) => { start: number; end: number }): void {
    for (const comment of this.comments) {
      if (comment.section === section) Object.assign(comment, move(comment.start, comment.end));
    }
  }

  cursorMoved(cursor: RemoteCursor): void {
    let moved = { ...cursor };
    for (const entry of this.history) {
      if (entry.revision > moved.revision && entry.section === moved.section) moved = move(moved, entry.op, entry.revision);
    }
    this.cursors.set(cursor.userId, { ...moved, revision: Math.max(moved.revision, this.revision) });
  }

  commentAdded(comment: PlanComment): void {
    if (!this.comments.some((c) => c.id === comment.id)) this.comments = [...this.comments, { ...comment }];
  }

  commentResolved(commentId: string, userId: string): void {
    this.comments = this.comments.map((c) => (c.id === commentId ? { ...c, resolved: true, resolvedBy: userId } : c));
  }
}

function move(cursor: RemoteCursor, op: TextOperation, revision: number): RemoteCursor {
  return {
    ...cursor,
    anchor: TextOperation.transformIndex(cursor.anchor, op),
    head: TextOperation.transformIndex(cursor.head, op),
    revision,
  };
}
