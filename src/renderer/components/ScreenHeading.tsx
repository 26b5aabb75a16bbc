// The h1 of a screen. It takes focus when the screen appears, so keyboard and screen-reader users start
// at the top of the new content; the document title follows (never with personal data in it).
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({
  children,
  title,
  className,
  takeFocus = true,
}: {
  children: ReactNode;
  title: string;
  className?: string;
  /** false where the screen puts the focus on its one field instead (the unlock screen's password). */
  takeFocus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus]);
  useEffect(() => {
    document.title = `${title} – Houvast`;
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className={`screen-heading ${className ?? ''}`}>
      {children}
    </h1>
  );
}
