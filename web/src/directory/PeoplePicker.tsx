import { useEffect, useRef, useState } from "preact/hooks";
import { rest } from "../api";
import { ErrorLine } from "../screens/ErrorLine";
import "./directory.css";
import { d } from "./strings";

export interface DirectoryPerson {
  userId: string;
  name: string;
  role: string;
  schoolCode: string;
  schoolName: string;
  county: string;
}

/** Typing pauses this long before a search, so a name typed quickly is one request rather than one per key. */
const debounceMs = 200;
const shown = 8;

/**
 * A type-ahead over the directory's people of one role, teachers unless told (GET /api/directory/people?q=, a name or id prefix), as an ARIA 1.2
 * combobox: arrow keys move through the options, Enter picks, Escape closes. Only the latest search's answer is shown,
 * so a slow earlier one cannot replace it.
 */
export function PeoplePicker({ id, label, exclude, onPick, role = "teacher" }: {
  id: string;
  label: string;
  role?: "teacher" | "student";
  exclude: ReadonlySet<string>;
  onPick: (person: DirectoryPerson) => Promise<void>;
}) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ q: string; people: DirectoryPerson[] } | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    const asked = ++latest.current;
    if (!q) {
      setFound(null);
      return;
    }
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q, role, limit: String(Math.min(200, shown + exclude.size)) });
      rest<{ people: DirectoryPerson[] }>("GET", `/api/directory/people?${params}`).then(
        ({ people }) => {
          if (asked !== latest.current) return;
          setFound({ q, people });
          setActive(-1);
          setError(null);
        },
        (failure) => asked === latest.current && setError(failure),
      );
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [query, role]);

  // Options answer the query now typed; while a newer search runs the list stays closed rather than offer stale names.
  const current = found !== null && found.q === query.trim();
  const options = current ? found.people.filter((p) => !exclude.has(p.userId)).slice(0, shown) : [];
  const expanded = open && current;
  const optionId = (index: number) => `${id}-option-${index}`;

  async function pick(person: DirectoryPerson) {
    setOpen(false);
    setError(null);
    try {
      await onPick(person);
      setQuery("");
      setFound(null);
    } catch (failure) {
      setError(failure);
    }
  }

  function key(e: KeyboardEvent) {
    if (e.isComposing) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (expanded && active >= 0 && options[active]) void pick(options[active]);
    } else if (e.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={d("pickPerson")}
        value={query}
        onInput={(e) => { setQuery((e.target as HTMLInputElement).value); setActive(-1); setOpen(true); }}
        onKeyDown={key}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul id={`${id}-listbox`} role="listbox" aria-label={label} hidden={!expanded}>
        {options.length === 0 && <li class="note muted" role="presentation">{d("noPeople")}</li>}
        {options.map((p, index) => (
          <li
            id={optionId(index)}
            key={p.userId}
            role="option"
            aria-selected={index === active}
            data-user={p.userId}
            // mousedown keeps the focus in the input, so its blur does not close the list before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void pick(p)}
          >
            {p.name} <span class="muted">{p.userId} · {p.schoolName} · {p.county}</span>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
    </div>
  );
}
