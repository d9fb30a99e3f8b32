import { User as OidcUser, UserManager, WebStorageStateStore } from "oidc-client-ts";
import { Role, session, signIn, User } from "../session";
import { AuthConfig, authConfig } from "./authConfig";

/** Where the issuer sends the browser back with the authorization code. */
export const callbackPath = "/auth/callback";

let current: UserManager | null = null;

/**
 * One manager per tab. It renews the access token with the refresh token before it expires (the issuer must grant
 * one, e.g. for scope offline_access), and each renewed token replaces the session's, so later REST calls and hub
 * reconnects carry it.
 */
function manager(config: AuthConfig): UserManager {
  if (current) return current;
  current = new UserManager({
    authority: config.authority!,
    client_id: config.clientId ?? "",
    redirect_uri: `${location.origin}${callbackPath}`,
    post_logout_redirect_uri: location.origin,
    response_type: "code",
    scope: config.scope ?? "openid profile",
    // Per tab, like the session itself: closing the tab signs out.
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: true,
  });
  const signedIn = current;
  signedIn.events.addUserLoaded((user) => signIn({ token: user.access_token, user: toUser(user) }));
  // Signing out of Collab ends the renewal too, or the next renewed token would sign the person back in.
  session.subscribe((value) => {
    if (!value) {
      signedIn.stopSilentRenew();
      void signedIn.removeUser();
    }
  });
  return signedIn;
}

/** After a reload: picks the stored sign-in up again, which restarts its renewal. */
export async function resumeOidcSession(): Promise<void> {
  if (!session.get()) return;
  const config = await authConfig();
  if (config.authority) await manager(config).getUser();
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
