import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { ApiError, hubRefusal } from "../api";
import { token } from "../session";
import { signal } from "../signal";

export interface LiveEvent<T = any> {
  stream: string;
  seq: number;
  type: string;
  at: string;
  data: T;
  /** On an event for everyone of a stream that chains them (a classroom): the seq of the previous one (PROTOCOL §0). */
  prev?: number;
}

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "disconnected";

/** What every screen's banner shows: the worst state among the open hub connections. */
export const connectionState = signal<ConnectionState>("connected");

const open = new Set<LiveConnection>();

function publishState(): void {
  const states = [...open].map((c) => c.state);
  connectionState.set(
    states.includes("disconnected") ? "disconnected" : states.includes("reconnecting") ? "reconnecting" : "connected",
  );
}

/**
 * One hub connection. It reconnects forever (capped back-off), and after each reconnect runs every registered
 * re-join before it resends the commands that had not been answered (PROTOCOL §0: re-Join, Sync, resend with the
 * same clientId/clientSeq).
 */
export class LiveConnection {
  readonly hub: HubConnection;
  state: ConnectionState = "connecting";
  private readonly handlers = new Map<string, (event: LiveEvent) => void>();
  private readonly rejoins = new Set<() => Promise<void>>();
  private ready: Promise<void> = Promise.resolve();
  private isReady = true;
  private markReady: () => void = () => {};
  private stopped = false;

  constructor(path: string) {
    this.hub = new HubConnectionBuilder()
      .withUrl(path, { accessTokenFactory: () => token() })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(500 * 2 ** retry.previousRetryCount, 5000) })
      .configureLogging(LogLevel.Warning)
      .build();
    this.hub.on("Event", (event: LiveEvent) => this.handlers.get(event.stream)?.(event));
    this.hub.onreconnecting(() => this.setState("reconnecting"));
    this.hub.onreconnected(() => void this.afterReconnect());
    this.hub.onclose(() => void this.restartLater());
  }

  async start(): Promise<void> {
    open.add(this);
    await this.hub.start();
    this.setState("connected");
  }

  async stop(): Promise<void> {
    this.stopped = true;
    open.delete(this);
    publishState();
    await this.hub.stop();
  }

  onStream(stream: string, handler: (event: LiveEvent) => void): void {
    this.handlers.set(stream, handler);
  }

  onRejoin(rejoin: () => Promise<void>): () => void {
    this.rejoins.add(rejoin);
    return () => this.rejoins.delete(rejoin);
  }

  /**
   * A query or a command; a call cut off by a lost connection is sent again once re-joined, never dropped. A failure
   * on a connection that stays up is no lost connection: it is reported, not retried.
   */
  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    for (;;) {
      await this.ready;
      try {
        return await this.hub.invoke<T>(method, ...args);
      } catch (error) {
        const refusal = hubRefusal(error);
        if (refusal) throw refusal;
        if (this.stopped) throw new ApiError("network", String(error));
        // SignalR may reject the pending calls just before it reports the loss; give it a moment to say so.
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (this.hub.state === HubConnectionState.Connected && this.isReady) throw new ApiError("internal", String(error));
      }
    }
  }

  /** For re-joins, which run before queued commands may go: straight to the hub, no waiting, no resend. */
  call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.hub.invoke<T>(method, ...args).catch((error) => {
      throw hubRefusal(error) ?? new ApiError("network", String(error));
    });
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    if (state === "connected") {
      this.isReady = true;
      this.markReady();
    } else if (this.isReady) {
      this.isReady = false;
      this.ready = new Promise((resolve) => (this.markReady = resolve));
    }
    publishState();
  }

  private async afterReconnect(): Promise<void> {
    try {
      for (const rejoin of this.rejoins) await rejoin();
      this.setState("connected");
    } catch {
      await this.hub.stop();
    }
  }

  private async restartLater(): Promise<void> {
    if (this.stopped) return;
    this.setState("disconnected");
    for (let attempt = 0; !this.stopped; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 10000)));
      try {
        await this.hub.start();
        await this.afterReconnect();
        return;
      } catch {
        // keep trying: the banner says so
      }
    }
  }
}
