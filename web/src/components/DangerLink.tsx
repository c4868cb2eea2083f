// 999 as a tap-to-call link: the first thing on every page, signed in or not.
export function DangerLink({ big = false }: { big?: boolean }) {
  return (
    <a className={big ? "danger-link danger-link-big" : "danger-link"} href="tel:999">
      <span aria-hidden="true">☎ </span>In danger now? Call 999
    </a>
  );
}
