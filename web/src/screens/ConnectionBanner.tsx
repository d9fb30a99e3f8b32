import { t } from "../i18n";
import { connectionState } from "../live/liveConnection";
import { useSignal } from "../signal";

export function ConnectionBanner() {
  const state = useSignal(connectionState);
  if (state === "connected" || state === "connecting") return null;
  return (
    <div class="banner warn" role="status" data-testid="connection-banner">
      {state === "reconnecting" ? t("reconnecting") : t("disconnected")}
    </div>
  );
}
