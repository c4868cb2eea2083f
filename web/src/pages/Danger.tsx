// "I'm in danger": 999 first, before anything else, then what to do once you are safe.
import { Link } from "wouter";
import { DangerLink } from "../components/DangerLink.tsx";
import { Page } from "../components/Page.tsx";

export function Danger() {
  return (
    <Page title="If you are in danger">
      <DangerLink big />
      <p>
        <strong>If you or anyone else is in immediate danger, call 999 now.</strong> Tell them you are an
        election candidate (or part of a candidate's team), where you are, and what is happening.
      </p>
      <p>
        If you cannot speak, stay on the line and cough or tap the phone. On a mobile, press 55 when you are
        asked, so that the call is put through to the police.
      </p>
      <h2>When you are safe</h2>
      <ul>
        <li>Tell your election agent or someone you trust where you are.</li>
        <li>
          <Link href="/record">Record what happened</Link> while you remember it: what was said or done, when,
          where, and who was there.
        </li>
        <li>Keep any messages, photos or videos. Do not delete them, even if they are upsetting.</li>
        <li>
          For something that is not an emergency, call <a href="tel:101">101</a> or your force's single point
          of contact for candidates.
        </li>
      </ul>
      <p className="source">
        Source: Joint Guidance for Candidates in Elections – When it goes too far (NPCC, College of Policing,
        Electoral Commission): "if you feel you or others are in immediate danger, call police on 999."
      </p>
    </Page>
  );
}
