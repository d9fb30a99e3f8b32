import { useEffect, useState } from "preact/hooks";
import { tt } from "./strings";

/** Time to the slot's end by the server's clock: offset is serverNow − local time at Join. */
/** soon: the server has warned that the slot is about to end. */
export function Countdown({ endsAt, offset, soon }: { endsAt: string; offset: number; soon: boolean }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(tick);
  }, []);
  const left = Math.max(0, Date.parse(endsAt) - (now + offset));
  const seconds = Math.ceil(left / 1000);
  const text = `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <span class={soon ? "countdown soon" : "countdown"} role="timer" aria-label={tt("timeLeft")}>
      {tt("timeLeft")} <strong data-testid="countdown" data-seconds-left={seconds}>{text}</strong>
    </span>
  );
}
