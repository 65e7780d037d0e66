/**
 * The time window of signed hotline events (#12 item 3): a timestamp more than five minutes away from
 * the receiver's clock, either way, is refused, and a signature seen once is refused again until its
 * timestamp has left the window (then the timestamp alone refuses it). Pure: the clock is an argument.
 */

/** How far a timestamp may be from the receiver's clock, either way (5 minutes). */
export const HOTLINE_WINDOW_SECONDS = 300;

/** The timestamp (unix seconds) is within the window around `now`. */
export function withinWindow(timestamp: number, now: Date, windowSeconds = HOTLINE_WINDOW_SECONDS): boolean {
  return Math.abs(Math.floor(now.getTime() / 1000) - timestamp) <= windowSeconds;
}

/** Until when a signature with this timestamp must be remembered to refuse its replay: the window's end. */
export function replayExpiry(timestamp: number, windowSeconds = HOTLINE_WINDOW_SECONDS): Date {
  return new Date((timestamp + windowSeconds + 1) * 1000);
}
