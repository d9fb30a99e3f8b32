import { useEffect, useState } from "preact/hooks";
import { ErrorLine } from "../screens/ErrorLine";
import type { MyRating, Rubric, Status } from "./model";
import { score } from "./model";
import { ot } from "./strings";

interface Props {
  rubric: Rubric;
  status: Status;
  isObservedTeacher: boolean;
  myRating: MyRating | null;
  rate: (scores: Record<string, number>, comment: string) => Promise<void>;
}

/** One observer's rating: 1–5 per dimension beside its descriptors, a comment; sent again it replaces the last one. */
export function RatingForm({ rubric, status, isObservedTeacher, myRating, rate }: Props) {
  const [scores, setScores] = useState<Record<string, number>>(myRating?.scores ?? {});
  const [comment, setComment] = useState(myRating?.comment ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The saved rating arrives with Join (also after a re-join); the form starts from it until the observer edits.
  useEffect(() => {
    if (myRating && Object.keys(scores).length === 0) {
      setScores(myRating.scores);
      setComment(myRating.comment ?? "");
    }
  }, [myRating]);

  if (isObservedTeacher) {
    return <p class="banner info" role="note" data-testid="cannot-rate">{ot("cannotRateOwn")}</p>;
  }
  if (status === "scheduled") return <p class="muted" data-testid="rating-closed">{ot("ratingOpensAtStart")}</p>;
  if (status === "finalized") {
    return (
      <>
        <p class="muted" data-testid="rating-closed">{ot("ratingClosed")}</p>
        {myRating && <Saved rating={myRating} />}
      </>
    );
  }

  const complete = rubric.dimensions.every((d) => scores[d.key] >= 1);
  async function submit(e: Event) {
    e.preventDefault();
    if (!complete) {
      setError(new Error(ot("scoreAll")));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await rate(scores, comment.trim());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="ob-rating" data-testid="rating-form" onSubmit={submit}>
      {rubric.dimensions.map((d) => (
        <div key={d.key} class="ob-dim" data-dimension={d.key}>
          <div class="ob-dim-text">
            <strong id={`dim-${d.key}`}>{d.name}</strong> <span class="muted">{ot("weight", { n: d.weight })}</span>
            {d.descriptors && d.descriptors.length > 0 && <small class="ob-descriptors">{d.descriptors.join("；")}</small>}
          </div>
          <div class="ob-scale" role="radiogroup" aria-labelledby={`dim-${d.key}`}>
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} class={scores[d.key] === value ? "chip active" : "chip"}>
                <input
                  type="radio"
                  name={`score-${d.key}`}
                  value={value}
                  checked={scores[d.key] === value}
                  onChange={() => setScores({ ...scores, [d.key]: value })}
                />
                {value}
              </label>
            ))}
          </div>
        </div>
      ))}
      <label class="ob-comment">
        {ot("comment")}
        <textarea name="comment" rows={3} maxLength={2000} placeholder={ot("commentPlaceholder")} value={comment}
          onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" class="primary" disabled={busy}>{myRating ? ot("replaceRating") : ot("submitRating")}</button>
      {myRating && <Saved rating={myRating} />}
      <ErrorLine error={error} />
    </form>
  );
}

function Saved({ rating }: { rating: MyRating }) {
  return (
    <p class="ob-saved" data-testid="my-rating" data-total={rating.weightedTotal}>
      {ot("ratingSaved", { total: score(rating.weightedTotal), time: new Date(rating.ratedAt).toLocaleTimeString() })}
    </p>
  );
}
