/** The answer of POST /api/public/track: the customer's view of a complaint, nothing personal. */
export interface TrackView {
  number: string;
  status: string;
  statusLabel: string;
  finished: boolean;
  receivedAt: string;
  regulatoryDueAt: string | null;
  updatedAt: string;
  stages: TrackStage[];
}

export interface TrackStage {
  stage: string;
  label: string;
  at: string | null;
  done: boolean;
}

export interface TrackFieldError {
  field: string;
  code: string;
  message: string;
}

export type TrackAnswer =
  { ok: true; view: TrackView } | { ok: false; status: number; code: string; message: string; fields: TrackFieldError[] };
