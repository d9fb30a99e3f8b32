/** A teacher waiting to join, as the leader's list shows them (REST list and join.requested event alike). */
export interface PendingRequest {
  userId: string;
  name: string;
  schoolName: string;
  county: string;
  at: string;
}

type Change = { type: "requested"; request: PendingRequest } | { type: "resolved"; userId: string };

/**
 * The leader's pending join requests: loaded by REST (GET …/join-requests) at each snapshot and kept current by the
 * join.requested and join.resolved events. An event that arrives while a load is under way is applied again on top of
 * the loaded list, since that list may have been read before the event's change; a load overtaken by a newer one is
 * dropped.
 */
export class JoinRequestList {
  private items: PendingRequest[] = [];
  private loads = 0;
  private during: Change[] | null = null;

  get requests(): readonly PendingRequest[] {
    return this.items;
  }

  /** Starts a load; pass the number it returns to loaded(). */
  beginLoad(): number {
    this.during = [];
    return ++this.loads;
  }

  loaded(load: number, requests: readonly PendingRequest[]): boolean {
    if (load !== this.loads || this.during === null) return false;
    const changes = this.during;
    this.during = null;
    this.items = [...requests];
    for (const change of changes) this.apply(change);
    return true;
  }

  requested(request: PendingRequest): void {
    this.change({ type: "requested", request });
  }

  resolved(userId: string): void {
    this.change({ type: "resolved", userId });
  }

  private change(change: Change): void {
    this.during?.push(change);
    this.apply(change);
  }

  private apply(change: Change): void {
    const userId = change.type === "requested" ? change.request.userId : change.userId;
    const others = this.items.filter((r) => r.userId !== userId);
    this.items = change.type === "requested" ? [...others, change.request].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)) : others;
  }
}
