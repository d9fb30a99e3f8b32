import { useState } from "preact/hooks";
import type { ChatMessage } from "./roomState";
import { tt } from "./strings";

export interface PendingChat { clientId: string; clientSeq: number; text: string }

interface Props {
  me: { userId: string; name: string };
  messages: ChatMessage[];
  pending: PendingChat[];
  onSend: (text: string) => Promise<boolean>;
}

/** The session's chat between tutor and admitted student; a message shows as sending until its chat.posted arrives. */
export function ChatPanel({ me, messages, pending, onSend }: Props) {
  const [draft, setDraft] = useState("");
  async function send(e: Event) {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft("");
    if (!(await onSend(text))) setDraft(text);
  }
  return (
    <div class="tutor-chat">
      <h2>{tt("chat")}</h2>
      <ol class="feed" data-testid="chat">
        {messages.map((m) => (
          <li key={m.id} class={m.userId === me.userId ? "mine" : ""}>
            <span class="author">{m.name}</span>
            <time>{new Date(m.at).toLocaleTimeString()}</time>
            <p>{m.text}</p>
          </li>
        ))}
        {pending.map((m) => (
          <li key={`p${m.clientSeq}`} class="mine pending">
            <span class="author">{me.name}</span>
            <time>{tt("sending")}</time>
            <p>{m.text}</p>
          </li>
        ))}
      </ol>
      <form class="post" onSubmit={send}>
        <textarea
          name="chat"
          rows={2}
          maxLength={500}
          aria-label={tt("chat")}
          placeholder={tt("chatPlaceholder")}
          value={draft}
          onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) send(e);
          }}
        />
        <button type="submit" class="primary">{tt("send")}</button>
      </form>
    </div>
  );
}
