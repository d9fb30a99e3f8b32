import { useEffect, useState } from "preact/hooks";
import { navigate } from "../router";
import type { AuthConfig } from "./authConfig";
import { callbackPath, finishOidcSignIn, startOidcSignIn } from "./oidc";
import { s } from "./strings";

/** Sign-in through the configured OIDC issuer; on the callback path it completes the flow the button started. */
export function OidcSignIn({ config }: { config: AuthConfig }) {
  const returning = location.pathname === callbackPath && new URLSearchParams(location.search).has("code");
  const [busy, setBusy] = useState(returning);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!returning) return;
    finishOidcSignIn(config).then(
      (to) => {
        history.replaceState(null, "", "/");
        navigate(to);
      },
      (error) => {
        setBusy(false);
        setFailure(String(error?.message ?? error));
        history.replaceState(null, "", "/");
      },
    );
  }, []);

  async function start() {
    setBusy(true);
    setFailure(null);
    try {
      await startOidcSignIn(config);
    } catch (error) {
      setBusy(false);
      setFailure(String((error as Error)?.message ?? error));
    }
  }

  return (
    <div class="oidc" data-testid="oidc-sign-in">
      <h2>{s("oidcTitle")}</h2>
      <p class="muted">{s("oidcHint")}</p>
      {busy ? (
        <p class="muted" role="status">{returning ? s("finishing") : s("redirecting")}</p>
      ) : (
        <button type="button" class="primary" data-testid="oidc-button" onClick={() => void start()}>
          {failure ? s("retry") : s("oidcButton")}
        </button>
      )}
      {failure && <p class="error" role="alert">{s("failed", { reason: failure })}</p>}
    </div>
  );
}
