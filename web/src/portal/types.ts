/**
 * The portal's API types, named from the generated schema (web/src/api/schema.d.ts, `npm run gen:api`):
 * the customer's view of a complaint (nothing personal), the intake options, codes, sessions, the receipt.
 */
import type { Answer, Body, ErrorAnswer } from '../api/types';

export type TrackView = Answer<'/api/public/track', 'post'>;
export type TrackStage = TrackView['stages'][number];
export type FieldError = ErrorAnswer['fields'][number];

export type IntakeOptions = Answer<'/api/public/intake-options', 'get'>;
export type BusinessLine = IntakeOptions['businessLines'][number];
export type AttachmentLimits = IntakeOptions['attachments'];

export type CodeRequest = Body<'/api/public/codes', 'post'>;
export type CodeSent = Answer<'/api/public/codes', 'post'>;
export type SessionRequest = Body<'/api/public/sessions', 'post'>;
export type Session = Answer<'/api/public/sessions', 'post'>;

export type Receipt = Answer<'/api/public/complaints', 'post'>;
export type PortalComplaint = Answer<'/api/public/complaints/{number}', 'get'>;
export type ThreadItem = PortalComplaint['thread'][number];
export type SurveyAnswer = Body<'/api/public/complaints/{number}/survey', 'post'>;
export type Added = Answer<'/api/public/complaints/{number}/messages', 'post'>;

/**
 * The `complaint` part (JSON) of POST /api/public/complaints. The OpenAPI document describes that
 * multipart field only as a string, so its shape is written here after the server's
 * portalComplaintSchema (src/http/schemas/portal.schemas.ts).
 */
export interface NewComplaint {
  channel: 'web' | 'app';
  name: string;
  businessLine: string;
  category: string;
  description: string;
  requestedRemedy?: string;
  amount?: string;
  product?: string;
  phone?: string;
  email?: string;
  /** a complaint about how one of the customer's complaints was handled (R-E5): its number */
  aboutComplaint?: string;
}
