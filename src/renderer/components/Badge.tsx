export function FictitiousBadge() {
  return (
    <span className="badge badge-fictitious" title="Fictieve gegevens, alleen voor demonstratie">
      Fictief
    </span>
  );
}

export function StatusBadge({ children }: { children: string }) {
  return <span className="badge badge-status">{children}</span>;
}
