/**
 * The portal's and the app's settings (#12 item 1): the one-time code rules, the request limits
 * (PORTAL_LIMIT_ADDRESS, PORTAL_LIMIT_CONTACT, PORTAL_LIMIT_OVERALL; buildApp's `portal` option in
 * tests), and the attachments a submission or an addition may carry (the evidence types and size).
 */
import { DEFAULT_CODE_POLICY, type CodePolicy } from '../../domain/portal/one-time-code.js';
import { DEFAULT_PORTAL_LIMITS, type PortalLimits } from '../../domain/portal/rate-limit.js';
import { DEFAULT_EVIDENCE_SETTINGS, type EvidenceSettings } from '../workflow/handlers/evidence-file.js';

export interface PortalSettings {
  code: CodePolicy;
  limits: PortalLimits;
  /** files per submission or addition */
  maxFiles: number;
  /** the largest file and the types accepted (the evidence settings) */
  evidence: EvidenceSettings;
}

export const DEFAULT_PORTAL_MAX_FILES = 10;

/** What buildApp and the configuration may set; the rest is the default. */
export interface PortalOptions {
  code?: Partial<CodePolicy>;
  limits?: Partial<PortalLimits>;
  maxFiles?: number;
}

export function portalSettings(o: PortalOptions = {}, evidence: EvidenceSettings = DEFAULT_EVIDENCE_SETTINGS): PortalSettings {
  return {
    code: { ...DEFAULT_CODE_POLICY, ...(o.code ?? {}) },
    limits: { ...DEFAULT_PORTAL_LIMITS, ...(o.limits ?? {}) },
    maxFiles: o.maxFiles ?? DEFAULT_PORTAL_MAX_FILES,
    evidence,
  };
}
