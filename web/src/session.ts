import { signal } from "./signal";

export type Role = "teacher" | "student" | "admin";

export interface User {
  userId: string;
  name: string;
  role: Role;
  school: string;
  county: string;
}

export interface Session {
  token: string;
  user: User;
}

const key = "collab.session";

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** The signed-in user and their token, kept per browser tab (sessionStorage) so a reload keeps them. */
export const session = signal<Session | null>(load());

export function signIn(value: Session): void {
  sessionStorage.setItem(key, JSON.stringify(value));
  session.set(value);
}

export function signOut(): void {
  sessionStorage.removeItem(key);
  session.set(null);
}

export function token(): string {
  return session.get()?.token ?? "";
}

/**
 * Commands carry clientId + clientSeq (PROTOCOL §0). The id is stable per tab and the counter survives a reload in
 * sessionStorage, so a reloaded page never reuses a clientSeq that the server would answer with an old result.
 */
export function nextCommand(): { clientId: string; clientSeq: number } {
  let clientId = sessionStorage.getItem("collab.clientId");
  if (!clientId) {
    clientId = `web-${crypto.randomUUID()}`;
    sessionStorage.setItem("collab.clientId", clientId);
  }
  const clientSeq = Number(sessionStorage.getItem("collab.clientSeq") ?? "0") + 1;
  sessionStorage.setItem("collab.clientSeq", String(clientSeq));
  return { clientId, clientSeq };
}
