// A form that adds to an incident (evidence, a follow-up), folded away under what it adds: the
// problem for the whole form first, then its fields and button, and what it did, announced.
import { useState, type FormEvent, type ReactNode } from "react";
import { SubmitButton } from "../forms/Form.tsx";
import { Notice } from "../Page.tsx";
import { errorsFrom, type FieldErrors } from "./forms.ts";

/** A folded form's errors, news and sending, for fields the server may name in `known`. */
export function useFoldedForm(known: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);

  /** Shows what the form's own checks found (nothing: the old messages go); true when it may be sent. */
  function check(found: FieldErrors): boolean {
    setStatus(undefined);
    setErrors(found);
    setFormError(undefined);
    return Object.keys(found).length === 0;
  }

  /** Sends; `request` returns the news to announce. A refusal is shown by the field it names. */
  async function send(request: () => Promise<string>, onFailure?: (error: unknown) => void) {
    setBusy(true);
    try {
      setStatus(await request());
    } catch (e) {
      onFailure?.(e);
      const { fields, form } = errorsFrom(e, known);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  }

  return { errors, formError, status, busy, check, send };
}

export function FoldedForm({
  summary,
  state,
  submit,
  submitting,
  onSubmit,
  children,
}: {
  summary: string;
  state: { formError: string | undefined; status: string | undefined; busy: boolean };
  /** The button's words, and its words while sending. */
  submit: string;
  submitting: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <details className="form-disclosure">
      <summary>{summary}</summary>
      <form onSubmit={onSubmit} noValidate className="subform">
        <Notice kind="error">{state.formError}</Notice>
        {children}
        <div className="actions">
          <SubmitButton busy={state.busy} sending={submitting}>
            {submit}
          </SubmitButton>
        </div>
        <Notice kind="status">{state.status}</Notice>
      </form>
    </details>
  );
}
