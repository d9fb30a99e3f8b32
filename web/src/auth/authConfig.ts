import { rest } from "../api";

/** GET /api/auth/config: the development issuer's switch and, in production, the OIDC issuer the browser uses. */
export interface AuthConfig {
  devIssuer: boolean;
  authority: string | null;
  clientId: string | null;
  scope: string | null;
}

let loaded: Promise<AuthConfig> | null = null;

export function authConfig(): Promise<AuthConfig> {
  loaded ??= rest<AuthConfig>("GET", "/api/auth/config").catch((failure) => {
    loaded = null;
    throw failure;
  });
  return loaded;
}
