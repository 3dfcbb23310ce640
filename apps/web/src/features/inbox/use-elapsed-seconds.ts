import { useEffect, useState } from 'react';

/** Seconds since `isRunning` turned true (0 while it is false), for long work's progress line. */
export function useElapsedSeconds(isRunning: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!isRunning) return;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [isRunning]);
  return isRunning ? seconds : 0;
}
