import { useEffect, useState } from "preact/hooks";
import { rest } from "../api";
import { AuthConfig, authConfig } from "../auth/authConfig";
import { OidcSignIn } from "../auth/OidcSignIn";
import { s } from "../auth/strings";
import { t } from "../i18n";
import { Role, signIn, User } from "../session";
import { ErrorLine } from "./ErrorLine";

const presets: User[] = [
  { userId: "t-1001", name: "王老师", role: "teacher", school: "3301001", county: "西湖区" },
  { userId: "t-1002", name: "李老师", role: "teacher", school: "3301002", county: "余杭区" },
  { userId: "s-2001", name: "张同学", role: "student", school: "3301001", county: "西湖区" },
  { userId: "a-0001", name: "教研员", role: "admin", school: "3300000", county: "市教育局" },
];

/**
 * Asks the server how to sign in (GET /api/auth/config): through the OIDC issuer when one is configured, with the
 * development issuer's user picker only while that issuer is on.
 */
export function SignIn() {
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    authConfig().then(setConfig, setError);
  }, []);
  if (!config) {
    return <section class="card narrow">{error ? <ErrorLine error={error} /> : <p class="muted">{t("loading")}</p>}</section>;
  }
  return (
    <section class="card narrow">
      <h1>{t("signIn")}</h1>
      {config.authority && <OidcSignIn config={config} />}
      {config.devIssuer && <DevSignIn />}
      {!config.authority && !config.devIssuer && <p class="error" role="alert">{s("noWay")}</p>}
    </section>
  );
}

/** The development issuer's user picker (PROTOCOL §0 POST /api/dev/token). */
function DevSignIn() {
  const [user, setUser] = useState<User>(presets[0]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof User) => (e: Event) => setUser({ ...user, [key]: (e.target as HTMLInputElement).value });

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { token } = await rest<{ token: string }>("POST", "/api/dev/token", user);
      signIn({ token, user });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="dev-sign-in">
      <p class="muted">{t("devIssuer")}</p>
      <div class="presets" aria-label={t("presetUsers")}>
        {presets.map((p) => (
          <button type="button" class={p.userId === user.userId ? "chip active" : "chip"} onClick={() => setUser(p)}>
            {p.name} · {t(p.role)}
          </button>
        ))}
      </div>
      <form onSubmit={submit} class="form">
        <label>{t("userId")}<input name="userId" required maxLength={64} value={user.userId} onInput={field("userId")} /></label>
        <label>{t("name")}<input name="name" required value={user.name} onInput={field("name")} /></label>
        <label>{t("role")}
          <select name="role" value={user.role} onChange={(e) => setUser({ ...user, role: (e.target as HTMLSelectElement).value as Role })}>
            <option value="teacher">{t("teacher")}</option>
            <option value="student">{t("student")}</option>
            <option value="admin">{t("admin")}</option>
          </select>
        </label>
        <label>{t("school")}<input name="school" value={user.school} onInput={field("school")} /></label>
        <label>{t("county")}<input name="county" value={user.county} onInput={field("county")} /></label>
        <button type="submit" class="primary" disabled={busy}>{t("signIn")}</button>
      </form>
      <ErrorLine error={error} />
    </div>
  );
}
