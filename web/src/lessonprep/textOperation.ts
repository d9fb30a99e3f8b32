/**
 * Text operations over code points, as the server's Grains/LessonPreps/Text/TextOperation.cs defines them (PROTOCOL §2):
 * a wire op is a list of positive integers (retain), negative integers (delete) and strings (insert) spanning the
 * whole text. Operations are kept canonical (within a run of edits, the insert before the delete; adjacent components
 * of one kind merged) so that equal edits compare equal.
 */
export type WireOp = (number | string)[];

type Component = { kind: "retain" | "delete"; n: number } | { kind: "insert"; n: number; text: string };

export const codePoints = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** Splits at a code point index: [first count code points, the rest]. */
export function splitAt(text: string, count: number): [string, string] {
  let utf16 = 0;
  for (let i = 0; i < count; i++) utf16 += text.codePointAt(utf16)! > 0xffff ? 2 : 1;
  return [text.slice(0, utf16), text.slice(utf16)];
}

class Builder {
  private readonly components: Component[] = [];
  private retained = 0;
  private inserted = "";
  private insertedLength = 0;
  private deleted = 0;

  retain(n: number): void {
    if (n === 0) return;
    this.flushEdit();
    this.retained += n;
  }

  delete(n: number): void {
    if (n === 0) return;
    this.flushRetain();
    this.deleted += n;
  }

  insert(text: string, n = codePoints(text)): void {
    if (n === 0) return;
    this.flushRetain();
    this.inserted += text;
    this.insertedLength += n;
  }

  build(): TextOperation {
    this.flushRetain();
    this.flushEdit();
    return new TextOperation(this.components);
  }

  private flushRetain(): void {
    if (this.retained > 0) this.components.push({ kind: "retain", n: this.retained });
    this.retained = 0;
  }

  private flushEdit(): void {
    if (this.insertedLength > 0) this.components.push({ kind: "insert", n: this.insertedLength, text: this.inserted });
    if (this.deleted > 0) this.components.push({ kind: "delete", n: this.deleted });
    this.inserted = "";
    this.insertedLength = 0;
    this.deleted = 0;
  }
}

/** Walks one operation's components, taking parts of them. */
class Cursor {
  private index = 0;
  private offset = 0;

  constructor(private readonly components: readonly Component[]) {}

  get has(): boolean {
    return this.index < this.components.length;
  }

  get kind(): Component["kind"] {
    return this.components[this.index].kind;
  }

  get remaining(): number {
    return this.components[this.index].n - this.offset;
  }

  /** Takes count code points of the current component, adding an insert's text to the builder when given. */
  take(count: number, into?: Builder): void {
    const current = this.components[this.index];
    if (into && current.kind === "insert") {
      const [, rest] = splitAt(current.text, this.offset);
      into.insert(splitAt(rest, count)[0], count);
    }
    this.offset += count;
    if (this.offset === current.n) {
      this.index++;
      this.offset = 0;
    }
  }

  takeAll(into?: Builder): number {
    const count = this.remaining;
    this.take(count, into);
    return count;
  }
}

export class TextOperation {
  readonly baseLength: number;
  readonly targetLength: number;

  constructor(readonly components: readonly Component[]) {
    this.baseLength = components.reduce((sum, c) => sum + (c.kind === "insert" ? 0 : c.n), 0);
    this.targetLength = components.reduce((sum, c) => sum + (c.kind === "delete" ? 0 : c.n), 0);
  }

  static fromWire(wire: WireOp): TextOperation {
    const builder = new Builder();
    for (const part of wire) {
      if (typeof part === "string") builder.insert(part);
      else if (Number.isInteger(part) && part > 0) builder.retain(part);
      else if (Number.isInteger(part) && part < 0) builder.delete(-part);
      else throw new Error(`not an op component: ${JSON.stringify(part)}`);
    }
    return builder.build();
  }

  /** The smallest op turning before into after: keeps their common beginning and end (code points). */
  static diff(before: string, after: string): TextOperation {
    const a = Array.from(before);
    const b = Array.from(after);
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    const builder = new Builder();
    builder.retain(start);
    builder.insert(b.slice(start, b.length - end).join(""));
    builder.delete(a.length - start - end);
    builder.retain(end);
    return builder.build();
  }

  toWire(): WireOp {
    return this.components.map((c) => (c.kind === "insert" ? c.text : c.kind === "delete" ? -c.n : c.n));
  }

  get isNoop(): boolean {
    return this.components.every((c) => c.kind === "retain");
  }

  apply(text: string): string {
    const length = codePoints(text);
    if (length !== this.baseLength) throw new Error(`the op expects ${this.baseLength} code points, the text has ${length}`);
    let rest = text;
    let result = "";
    for (const c of this.components) {
      if (c.kind === "insert") {
        result += c.text;
        continue;
      }
      const [head, tail] = splitAt(rest, c.n);
      if (c.kind === "retain") result += head;
      rest = tail;
    }
    return result;
  }

  /** One op with the effect of first, then second. */
  static compose(first: TextOperation, second: TextOperation): TextOperation {
    if (first.targetLength !== second.baseLength) throw new Error("cannot compose: lengths differ");
    const result = new Builder();
    const a = new Cursor(first.components);
    const b = new Cursor(second.components);
    while (a.has || b.has) {
      if (b.has && b.kind === "insert") {
        b.takeAll(result);
        continue;
      }
      if (a.has && a.kind === "delete") {
        result.delete(a.takeAll());
        continue;
      }
      const count = Math.min(a.remaining, b.remaining);
      if (a.kind === "retain" && b.kind === "retain") {
        result.retain(count);
        a.take(count);
      } else if (a.kind === "retain") {
        result.delete(count);
        a.take(count);
      } else if (b.kind === "retain") {
        a.take(count, result);
      } else {
        a.take(count);
      }
      b.take(count);
    }
    return result.build();
  }

  /**
   * [firstPrime, secondPrime] for two concurrent ops on the same text. first is the server's (it wins ties: its
   * insert at the same position ends up before the other's), so a client passes the server's op first.
   */
  static transform(first: TextOperation, second: TextOperation): [TextOperation, TextOperation] {
    if (first.baseLength !== second.baseLength) throw new Error("cannot transform: base lengths differ");
    const firstPrime = new Builder();
    const secondPrime = new Builder();
    const a = new Cursor(first.components);
    const b = new Cursor(second.components);
    while (a.has || b.has) {
      if (a.has && a.kind === "insert") {
        secondPrime.retain(a.takeAll(firstPrime));
        continue;
      }
      if (b.has && b.kind === "insert") {
        firstPrime.retain(b.takeAll(secondPrime));
        continue;
      }
      const count = Math.min(a.remaining, b.remaining);
      if (a.kind === "retain" && b.kind === "retain") {
        firstPrime.retain(count);
        secondPrime.retain(count);
      } else if (a.kind === "delete" && b.kind === "retain") {
        firstPrime.delete(count);
      } else if (a.kind === "retain" && b.kind === "delete") {
        secondPrime.delete(count);
      }
      a.take(count);
      b.take(count);
    }
    return [firstPrime.build(), secondPrime.build()];
  }

  /** Moves a position through the op; followInsert moves it past text inserted exactly there. */
  static transformIndex(position: number, op: TextOperation, followInsert = false): number {
    let moved = position;
    let at = 0;
    for (const c of op.components) {
      if (at > position) break;
      if (c.kind === "retain") at += c.n;
      else if (c.kind === "delete") {
        moved -= Math.min(c.n, position - at);
        at += c.n;
      } else if (at < position || followInsert) moved += c.n;
    }
    return moved;
  }
}
