import { User as OidcUser, UserManager, WebStorageStateStore } from "oidc-client-ts";
import { Role, signIn, User } from "../session";
import type { AuthConfig } from "./authConfig";

/** Where the issuer sends the browser back with the authorization code. */
export const callbackPath = "/auth/callback";

function manager(config: AuthConfig): UserManager {
  return new UserManager({
    authority: config.authority!,
    client_id: config.clientId ?? "",
    redirect_uri: `${location.origin}${callbackPath}`,
    post_logout_redirect_uri: location.origin,
    response_type: "code",
    scope: config.scope ?? "openid profile",
    // Per tab, like the session itself: closing the tab signs out.
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

/** Starts the authorization-code flow with PKCE (oidc-client-ts makes the verifier and checks state on return). */
export function startOidcSignIn(config: AuthConfig): Promise<void> {
  return manager(config).signinRedirect({ state: location.pathname === callbackPath ? "/" : location.pathname });
}

/** Takes the code the issuer returned, and signs in with its access token for REST calls and hubs alike. */
export async function finishOidcSignIn(config: AuthConfig): Promise<string> {
  const user = await manager(config).signinRedirectCallback();
  signIn({ token: user.access_token, user: toUser(user) });
  return typeof user.state === "string" && user.state.startsWith("/") ? user.state : "/";
}

/** The person as the server sees them: the claims of DESIGN §6, taken from the ID token's profile. */
function toUser(user: OidcUser): User {
  const claims = user.profile as Record<string, unknown>;
  const text = (name: string) => (typeof claims[name] === "string" ? (claims[name] as string) : "");
  return {
    userId: user.profile.sub,
    name: text("name") || text("preferred_username") || user.profile.sub,
    role: (text("role") || "teacher") as Role,
    school: text("school"),
    county: text("county"),
  };
}
