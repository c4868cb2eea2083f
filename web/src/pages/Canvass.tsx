// Canvassing safely: what the guidance asks before you knock on doors. Planned sessions with
// check-ins that escalate come with the canvassing feature; until then this page says what to do.
import { Link } from "wouter";
import { DangerLink } from "../components/DangerLink.tsx";
import { Page } from "../components/Page.tsx";

export default function Canvass() {
  return (
    <Page title="Canvass safely" intro="Before you go out, make sure someone knows where you will be.">
      <DangerLink />
      <h2>Before you go</h2>
      <ul>
        <li>If you can, canvass with someone else rather than alone.</li>
        <li>As a minimum, tell someone where you are canvassing, and when you expect to finish.</li>
        <li>Save your force's single point of contact for candidates in your phone (see Police contact).</li>
      </ul>
      <h2>While you are out</h2>
      <ul>
        <li>Make safe decisions on the doorstep.</li>
        <li>If you feel unsafe, disengage: end the conversation and leave.</li>
        <li>
          If something happens, <Link href="/record">record it</Link> as soon as you are safe. It works
          offline.
        </li>
      </ul>
      <p className="notice notice-status">
        Planned sessions with check-in reminders that alert your contacts if you miss one are not in Shield
        yet. Until they are, agree check-in times with your agent by phone or message.
      </p>
      <p className="source">
        Source: Joint Guidance for Candidates in Elections – When it goes too far (NPCC, College of Policing,
        Electoral Commission, May 2024), protective steps: "Consider your safety when canvassing and visiting
        voters at the door. While political debate is a key part of our democracy, if you feel unsafe then
        disengage. If possible, do visits accompanied, as a minimum tell someone where you are canvassing, and
        ensure you are making safe decisions on the doorstep."
      </p>
    </Page>
  );
}
