/**
 * Texts whose verdict under the shipped lexicons, model and default policy tests rely on. When a
 * change to the detectors moves one (npm run eval:detectors tunes them), change it here, once.
 */

/** Held for review in the gambling queue at normal priority (score between 0.4 and 0.85, the lexicon alone not decisive). */
export const GAMBLING_REVIEW_TEXT = 'Mantap bang, zeus88 gacor';

/** A scam the shipped detectors let through (allow): a person has to report it. */
export const REPORTED_SCAM_TEXT = 'investasi di sini aman kok, tanya admin ya';

/** Held for review in the terrorism queue (urgent, senior moderators): recruitment one cue short of removal. */
export const TERRORISM_REVIEW_TEXT = 'Siapa berani ikut amaliyah? Bom bunuh diri itu jihad, DM aku';
