import { useState } from "preact/hooks";
import { rest } from "../api";
import { ErrorLine } from "../screens/ErrorLine";
import "./groups.css";
import type { PendingRequest } from "./joinRequestList";
import { g } from "./strings";

/**
 * The leader's pending join requests with approve and decline (PROTOCOL §1). A request leaves the list when the server
 * has resolved it: by the answer here, or by join.resolved when another of the leader's tabs answered it.
 */
export function JoinRequests({ groupId, requests, onResolved }: {
  groupId: string;
  requests: readonly PendingRequest[];
  onResolved: (userId: string) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function resolve(userId: string, outcome: "approve" | "decline") {
    setBusy(userId);
    setError(null);
    try {
      await rest("POST", `/api/groups/${encodeURIComponent(groupId)}/join-requests/${encodeURIComponent(userId)}/${outcome}`);
      onResolved(userId);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <h2>{g("joinRequests")} ({requests.length})</h2>
      {requests.length === 0 ? (
        <p class="muted" data-testid="no-join-requests">{g("noJoinRequests")}</p>
      ) : (
        <ul class="join-requests" data-testid="join-requests">
          {requests.map((r) => (
            <li key={r.userId} data-user={r.userId}>
              <span class="who">
                {r.name} <span class="muted">{r.schoolName} · {r.county} · {new Date(r.at).toLocaleString()}</span>
              </span>
              <button type="button" class="primary" data-testid="approve" disabled={busy !== null} onClick={() => resolve(r.userId, "approve")}>{g("approve")}</button>
              <button type="button" data-testid="decline" disabled={busy !== null} onClick={() => resolve(r.userId, "decline")}>{g("decline")}</button>
            </li>
          ))}
        </ul>
      )}
      <ErrorLine error={error} />
    </>
  );
}
