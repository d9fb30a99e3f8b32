import { navigate } from "../router";
import { ot } from "./strings";

/** A group session of kind "observation", as its line in the group's list. */
export function ObservationSessionLink({ id, title }: { id: string; title: string }) {
  const to = `/observations/${encodeURIComponent(id)}`;
  return <a href={to} data-session="observation" onClick={(e) => { e.preventDefault(); navigate(to); }}>{ot("observations")}：{title}</a>;
}
