/** The answer of POST /api/public/track (as generated): the customer's view of a complaint, nothing personal. */
import type { Answer, ErrorAnswer } from '../api/types';

export type TrackView = Answer<'/api/public/track', 'post'>;
export type TrackStage = TrackView['stages'][number];
export type TrackFieldError = ErrorAnswer['fields'][number];

export type TrackAnswer =
  { ok: true; view: TrackView } | { ok: false; status: number; code: string; message: string; fields: TrackFieldError[] };
