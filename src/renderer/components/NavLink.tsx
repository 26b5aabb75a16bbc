// A real link (keyboard, screen readers, "link" role) that navigates in-app.
import type { ReactNode } from 'react';
import { hrefOf, useNavigate, type Route } from '../state/route';

export function NavLink({
  to,
  children,
  current,
  className,
}: {
  to: Route;
  children: ReactNode;
  current?: boolean;
  className?: string;
}) {
  const navigate = useNavigate();
  return (
    <a
      href={hrefOf(to)}
      className={className}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
