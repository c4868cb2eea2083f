import { useState, type FormEvent } from "react";
import { Redirect } from "wouter";
import { ApiError, errorMessage } from "../api.ts";
import { TextField } from "../components/forms/Field.tsx";
import { SubmitButton } from "../components/forms/Form.tsx";
import { Notice, Page } from "../components/Page.tsx";
import { useSession } from "../session.tsx";

export function SignIn() {
  const { session, signIn } = useSession();
  const [error, setError] = useState<string>();
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  if (session) return <Redirect to="/" />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await signIn(
        String(data.get("email")),
        String(data.get("password")),
        String(data.get("code") ?? "") || undefined,
      );
    } catch (e) {
      if (e instanceof ApiError && e.field === "code") setNeedsCode(true);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Sign in">
      <form onSubmit={submit} noValidate>
        <Notice>{error}</Notice>
        <TextField id="email" type="email" label="Email address" autoComplete="username" required />
        <TextField id="password" type="password" label="Password" autoComplete="current-password" required />
        {needsCode ? (
          <TextField
            id="code"
            label="Code from your authenticator app"
            hint="Six digits"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            required
          />
        ) : null}
        <div className="actions">
          <SubmitButton busy={busy} sending="Signing in…">
            Sign in
          </SubmitButton>
        </div>
      </form>
      <p className="meta">New to Shield? Your campaign's candidate or agent sends you an invitation link.</p>
    </Page>
  );
}
