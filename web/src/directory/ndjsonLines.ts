/**
 * Splits a growing NDJSON response (XMLHttpRequest's responseText while it loads) into its complete lines, each parsed
 * once: a line is only taken when its newline has arrived, so a line cut between two progress events waits for the rest.
 */
export class NdjsonLines {
  private used = 0;

  /** The lines completed since the last call. */
  take(text: string): unknown[] {
    const lines: unknown[] = [];
    for (let end = text.indexOf("\n", this.used); end >= 0; end = text.indexOf("\n", this.used)) {
      const line = text.slice(this.used, end).trim();
      this.used = end + 1;
      if (line) lines.push(JSON.parse(line));
    }
    return lines;
  }

  /** At the end of the response: the complete lines, and a last one the server did not end with a newline. */
  finish(text: string): unknown[] {
    const lines = this.take(text);
    const last = text.slice(this.used).trim();
    this.used = text.length;
    return last ? [...lines, JSON.parse(last)] : lines;
  }
}
