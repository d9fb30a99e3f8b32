import { t } from "../i18n";
import { navigate } from "../router";

/**
 * What a screen shows once the server took this user's access away (PROTOCOL §0, losing access): its connection no
 * longer receives the stream, so the screen drops what it showed rather than leave a view that silently stops updating.
 */
export function AccessLost({ message }: { message: string }) {
  return (
    <section class="card" data-testid="access-lost" role="alert">
      <button class="link" onClick={() => navigate("/")}>← {t("back")}</button>
      <p>{message}</p>
    </section>
  );
}
