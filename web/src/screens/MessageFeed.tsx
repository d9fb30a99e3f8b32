export interface FeedMessage { id: string; userId: string; name: string; text: string; at: string }
export interface PendingMessage { clientId: string; clientSeq: number; text: string }

interface Props {
  testId: string;
  me: { userId: string; name: string };
  messages: FeedMessage[];
  pending: PendingMessage[];
  sendingLabel: string;
}

/** A feed of posted messages, the caller's own marked, then the caller's unacknowledged ones shown as still sending. */
export function MessageFeed({ testId, me, messages, pending, sendingLabel }: Props) {
  return (
    <ol class="feed" data-testid={testId}>
      {messages.map((m) => (
        <li key={m.id} class={m.userId === me.userId ? "mine" : ""}>
          <span class="author">{m.name}</span>
          <time>{new Date(m.at).toLocaleTimeString()}</time>
          <p>{m.text}</p>
        </li>
      ))}
      {pending.map((m) => (
        <li key={`p${m.clientId}/${m.clientSeq}`} class="mine pending">
          <span class="author">{me.name}</span>
          <time>{sendingLabel}</time>
          <p>{m.text}</p>
        </li>
      ))}
    </ol>
  );
}
