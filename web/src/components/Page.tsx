// Every page: a title in the tab, one h1 that takes focus on navigation (so screen readers announce it).
import { useEffect, useRef, type ReactNode } from "react";

export function Page({
  title,
  documentTitle,
  intro,
  children,
}: {
  title: string;
  /** The browser tab's title, when the heading should not be there (e.g. an incident's own words). */
  documentTitle?: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle ?? title} – Shield`;
    heading.current?.focus({ preventScroll: true });
  }, [title, documentTitle]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </>
  );
}

/** A message that screen readers announce: errors (role=alert) or news (role=status). */
export function Notice({ kind = "error", children }: { kind?: "error" | "status"; children: ReactNode }) {
  // The live region is always in the page: screen readers announce changes to a region they already
  // know, not reliably one that appears with its message.
  return (
    <div role={kind === "error" ? "alert" : "status"} className="notice-region">
      {children ? <p className={`notice notice-${kind}`}>{children}</p> : null}
    </div>
  );
}
