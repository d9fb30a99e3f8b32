import { token } from "./session";

/** A refusal with its PROTOCOL §0 code, from REST problem JSON or a hub's "code: sentence". */
export class ApiError extends Error {
  constructor(readonly code: string, readonly detail: string) {
    super(`${code}: ${detail}`);
  }
}

export async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(token() ? { Authorization: `Bearer ${token()}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError("network", String(error));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(json?.code ?? String(response.status), json?.detail ?? response.statusText);
  }
  return json as T;
}

const refusalCodes = new Set([
  "unauthorized", "forbidden", "not_member", "not_found", "invalid_argument", "too_large", "rate_limited", "conflict",
  "stale_revision", "closed", "not_open", "not_admitted", "deadline_passed", "unavailable", "internal",
]);

/** Splits a hub error's message at the first ": " (PROTOCOL §0); null when it is not a server refusal. */
export function hubRefusal(error: unknown): ApiError | null {
  const message = error instanceof Error ? error.message : String(error);
  const match = /(?:^|HubException: )([a-z_]+): (.*)$/s.exec(message);
  return match && refusalCodes.has(match[1]) ? new ApiError(match[1], match[2]) : null;
}
