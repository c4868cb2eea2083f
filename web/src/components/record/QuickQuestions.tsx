// The quick questions: each a fieldset with Yes / No / Not sure. All optional; an answer can raise
// the advice, never lower what the words show.
import { QUICK_QUESTIONS } from "../../../../src/core/triage/questions.ts";
import { CHARACTERISTICS } from "../../../../src/core/analysis/types.ts";
import type { Answer, QuickAnswers } from "../../../../src/core/incident/model.ts";
import { CHARACTERISTIC_LABEL } from "../labels.ts";

const ANSWER_LABEL: Record<Answer, string> = { yes: "Yes", no: "No", unsure: "Not sure" };

export function QuickQuestions({
  answers,
  onChange,
}: {
  answers: QuickAnswers;
  onChange: (answers: QuickAnswers) => void;
}) {
  return (
    <>
      {QUICK_QUESTIONS.map((q) =>
        q.kind === "yes-no" ? (
          <fieldset className="quick" key={q.id} aria-describedby={`${q.id}-hint`}>
            <legend>{q.question}</legend>
            <span className="hint" id={`${q.id}-hint`}>
              {q.hint}
            </span>
            <div className="choices-inline">
              {(["yes", "no", "unsure"] as const).map((a) => (
                <label key={a} className="choice">
                  <input
                    type="radio"
                    name={q.id}
                    value={a}
                    checked={answers[q.id as Exclude<keyof QuickAnswers, "referredTo">] === a}
                    onChange={() => onChange({ ...answers, [q.id]: a })}
                  />
                  {ANSWER_LABEL[a]}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <fieldset className="quick" key={q.id} aria-describedby={`${q.id}-hint`}>
            <legend>{q.question}</legend>
            <span className="hint" id={`${q.id}-hint`}>
              {q.hint} Tick any that apply.
            </span>
            <div className="choices-inline">
              {CHARACTERISTICS.map((c) => {
                const chosen = answers.referredTo ?? [];
                return (
                  <label key={c} className="choice">
                    <input
                      type="checkbox"
                      name="referredTo"
                      value={c}
                      checked={chosen.includes(c)}
                      onChange={(e) =>
                        onChange({
                          ...answers,
                          referredTo: e.target.checked ? [...chosen, c] : chosen.filter((x) => x !== c),
                        })
                      }
                    />
                    {CHARACTERISTIC_LABEL[c]}
                  </label>
                );
              })}
            </div>
          </fieldset>
        ),
      )}
    </>
  );
}
