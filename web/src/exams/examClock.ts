/**
 * A student's countdown on the server's clock: `offset` is the server's time less this machine's (ms), `deadline` the
 * moment the attempt ends on the server's clock (ms since the epoch; 0 while there is none, before the start).
 */
export interface ExamClock {
  offset: number;
  deadline: number;
}

export const noClock: ExamClock = { offset: 0, deadline: 0 };

/**
 * The clock once the server has told its time and a deadline (a view, attempt.resumed, deadline.changed). A null
 * deadline is extra time given before the start: there is no deadline to show yet, so the one there is stays, as does
 * anything the server sent that does not parse.
 */
export function clockAt(previous: ExamClock, serverNow: string, deadline: string | null, localNow: number): ExamClock {
  const server = Date.parse(serverNow);
  const end = deadline === null ? Number.NaN : Date.parse(deadline);
  return {
    offset: Number.isNaN(server) ? previous.offset : server - localNow,
    deadline: Number.isNaN(end) ? previous.deadline : end,
  };
}

/** Milliseconds left at this machine's `localNow`; never negative, and none without a deadline. */
export function timeLeft(clock: ExamClock, localNow: number): number {
  return clock.deadline ? Math.max(0, clock.deadline - (localNow + clock.offset)) : 0;
}

/** The countdown as mm:ss (minutes past 99 keep all their digits). */
export function countdown(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  const seconds = Math.floor((ms % 60000) / 1000);
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}
