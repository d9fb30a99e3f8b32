import { useState } from "preact/hooks";
import { MessageFeed, type PendingMessage } from "../screens/MessageFeed";
import type { ChatMessage } from "./roomState";
import { tt } from "./strings";

export type PendingChat = PendingMessage;

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
      <MessageFeed testId="chat" me={me} messages={messages} pending={pending} sendingLabel={tt("sending")} />
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
