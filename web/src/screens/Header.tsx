import { lang, setLang, t } from "../i18n";
import { navigate } from "../router";
import { session, signOut } from "../session";
import { useSignal } from "../signal";

export function Header() {
  const current = useSignal(session);
  const language = useSignal(lang);
  return (
    <header class="top">
      <a class="brand" href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>{t("appName")}</a>
      <span class="spacer" />
      {current && (
        <span class="who" data-testid="who">
          {current.user.name} · {t(current.user.role)}
        </span>
      )}
      <button class="link" data-testid="lang" onClick={() => setLang(language === "zh" ? "en" : "zh")}>{t("language")}</button>
      {current && <button class="link" onClick={() => { signOut(); navigate("/"); }}>{t("signOut")}</button>}
    </header>
  );
}
