// A confirmation that announces itself politely and then disappears (e.g. "Inkomst opgeslagen."). The
// live region is always in the page, so screen readers announce each new message.
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a confirmation stays on screen. */
export const FLASH_MS = 6000;

export function useFlash(): [string | null, (message: string) => void] {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = useCallback((m: string) => {
    if (timer.current) clearTimeout(timer.current);
    setMessage(m);
    timer.current = setTimeout(() => setMessage(null), FLASH_MS);
  }, []);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return [message, show];
}

export function Flash({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'success flash' : 'visually-hidden'}>
      {message ?? ''}
    </p>
  );
}

/**
 * Focus an element by id after the next render (the element may only appear then), and bring the
 * figures that changed with it into view.
 */
export function useFocusAfterRender(): (id: string, alsoShow?: () => Element | null | undefined) => void {
  const [request, setRequest] = useState<{ id: string; alsoShow?: (() => Element | null | undefined) | undefined } | null>(null);
  useEffect(() => {
    if (!request) return;
    document.getElementById(request.id)?.focus();
    request.alsoShow?.()?.scrollIntoView?.({ block: 'nearest' });
    setRequest(null);
  }, [request]);
  return useCallback((id, alsoShow) => setRequest({ id, alsoShow }), []);
}
