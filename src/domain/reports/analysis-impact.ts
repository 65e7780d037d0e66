/**
 * The impact figures (#13 item 2, R-F3): what complaints cost and risk. Money: amounts involved,
 * compensation proposed and paid (yuan). Counts: the reputational, media, legal and mass-incident
 * risk flags, regulator referrals (the regulator_referral channel) and major complaints. Pure list.
 */
export const IMPACT_FIGURES = [
  'amount_involved',
  'compensation_proposed',
  'compensation_paid',
  'reputational',
  'media',
  'legal',
  'mass_incident',
  'regulator_referral',
  'major',
] as const;
export type ImpactFigureName = (typeof IMPACT_FIGURES)[number];
