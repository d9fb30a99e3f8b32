import type { LiveEventData } from "./events.generated";
import type { LiveEvent } from "./liveConnection";

/**
 * An event of one of the given protocol types, its data typed by the server's event records (events.generated.ts):
 * switching on `type` narrows `data`, so a screen cannot read a field the server does not send.
 */
export type TypedEvent<K extends keyof LiveEventData = keyof LiveEventData> = {
  [T in K]: LiveEvent<LiveEventData[T]> & { type: T };
}[K];

/** The event as one of the given types, or null for any other type (presence, revocations, another area's events). */
export function typed<K extends keyof LiveEventData>(event: LiveEvent, ...types: K[]): TypedEvent<K> | null {
  return (types as string[]).includes(event.type) ? (event as TypedEvent<K>) : null;
}
