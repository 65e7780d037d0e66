/** Small hooks of the portal's step-by-step forms. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { intakeOptions } from './api';
import { usePortalI18n } from './i18n';
import { explain } from './problems';
import type { IntakeOptions } from './types';

/**
 * Seconds left until `until` (a time in ms), counted down each second; 0 once it has passed.
 * `restart(seconds)` starts a new count.
 */
export function useCountdown(initialSeconds: number): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(() => Date.now() + initialSeconds * 1000);
  const [left, setLeft] = useState(initialSeconds);
  useEffect(() => {
    const tick = () => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  const restart = useCallback((seconds: number) => setUntil(Date.now() + seconds * 1000), []);
  return [left, restart];
}

/**
 * A ref for a step's heading, focused when the step appears (so keyboard and screen-reader users
 * land on the step they are taken to); `when` false leaves the focus where it is (the page's first view).
 */
export function useFocusOnMount<E extends HTMLElement>(when = true) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (!when) return;
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'start', behavior: 'instant' });
    // only on mount: a step is focused once, when the user is taken to it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}

/** GET /api/public/intake-options in the page's language (again when it changes), or why it failed. */
export function useIntakeOptions(): { options: IntakeOptions | null; problem: string | null } {
  const { t, locale } = usePortalI18n();
  const [options, setOptions] = useState<IntakeOptions | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void intakeOptions(locale).then((answer) => {
      if (!live) return;
      setOptions(answer.ok ? answer.value : null);
      setProblem(answer.ok ? null : explain(answer, [], t).general);
    });
    return () => {
      live = false;
    };
    // t follows locale
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale]);
  return { options, problem };
}
