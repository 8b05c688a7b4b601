import { describe, expect, it } from 'vitest';
import { validateDsaStatement, type DsaStatement } from './dsa.js';

const GOOD: DsaStatement = {
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
  illegal_content_legal_ground: 'UU ITE Pasal 27 ayat (2)',
  illegal_content_explanation: 'Online gambling is prohibited in Indonesia.',
  category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  category_specification: ['KEYWORD_GOODS_SERVICES_NOT_PERMITTED'],
  content_type: ['CONTENT_TYPE_VIDEO'],
  content_language: 'ID',
  content_date: '2026-11-30',
  application_date: '2026-12-01',
  territorial_scope: ['ID'],
  automated_detection: 'Yes',
  automated_decision: 'AUTOMATED_DECISION_FULLY',
  source_type: 'SOURCE_VOLUNTARY',
  decision_facts: 'Your content has been removed.',
  puid: '0b7e6f5a-1c1d-4c5e-9f00-123456789abc',
};

/** The statement with some fields changed (undefined: left out). */
const broken = (change: Record<string, unknown>) => {
  const s: Record<string, unknown> = { ...GOOD, ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete s[k];
  return validateDsaStatement(s);
};
const fields = (change: Record<string, unknown>) => broken(change).map((p) => p.field);

describe('the DSA Transparency Database rules', () => {
  it('accept a complete statement', () => {
    expect(validateDsaStatement(GOOD)).toEqual([]);
    expect(validateDsaStatement({ ...GOOD, territorial_scope: ['DE', 'FR'] })).toEqual([]);
  });

  it('refuse each missing required field by its name', () => {
    for (const field of ['decision_ground', 'category', 'content_type', 'content_date', 'application_date', 'territorial_scope', 'automated_detection', 'automated_decision', 'source_type', 'decision_facts', 'puid']) {
      expect(broken({ [field]: undefined }), field).toEqual([{ field, message: expect.stringMatching(/is required/) }]);
    }
    expect(broken({ content_type: [] })).toEqual([{ field: 'content_type', message: 'is required (a non-empty array)' }]);
    expect(broken({ decision_facts: '' })).toEqual([{ field: 'decision_facts', message: 'is required' }]);
  });

  it('need at least one of the four restrictions', () => {
    expect(broken({ decision_visibility: undefined })).toEqual([{ field: 'decision_visibility', message: expect.stringContaining('at least one of') }]);
    expect(broken({ decision_visibility: undefined, decision_account: 'DECISION_ACCOUNT_SUSPENDED' })).toEqual([]);
    expect(broken({ decision_visibility: undefined, decision_provision: 'DECISION_PROVISION_TOTAL_SUSPENSION' })).toEqual([]);
  });

  it('refuse values outside each enumeration', () => {
    const cases: [string, unknown][] = [
      ['decision_visibility', ['DECISION_VISIBILITY_HIDDEN']],
      ['decision_visibility', 'DECISION_VISIBILITY_CONTENT_REMOVED'],
      ['decision_account', 'DECISION_ACCOUNT_BANNED'],
      ['decision_monetary', 'DECISION_MONETARY_FINE'],
      ['decision_provision', 'DECISION_PROVISION_SOME'],
      ['account_type', 'ACCOUNT_TYPE_CHILD'],
      ['decision_ground', 'DECISION_GROUND_ILLEGAL'],
      ['category', 'STATEMENT_CATEGORY_GAMBLING'],
      ['category_specification', ['KEYWORD_GAMBLING']],
      ['content_type', ['CONTENT_TYPE_VIDEO', 'CONTENT_TYPE_REEL']],
      ['content_type', ['CONTENT_TYPE_VIDEO', 'CONTENT_TYPE_VIDEO']],
      ['content_language', 'id'],
      ['content_language', 'XX'],
      ['territorial_scope', ['US']],
      ['territorial_scope', ['de']],
      ['automated_detection', true],
      ['automated_detection', 'yes'],
      ['automated_decision', 'AUTOMATED_DECISION_SOMEWHAT'],
      ['source_type', 'SOURCE_OTHER'],
      ['puid', 'item 42/a'],
    ];
    for (const [field, value] of cases) expect(fields({ [field]: value }), `${field}=${JSON.stringify(value)}`).toEqual([field]);
  });

  it('require the fields of the ground given and refuse those of the other', () => {
    expect(fields({ illegal_content_legal_ground: undefined })).toEqual(['illegal_content_legal_ground']);
    expect(fields({ illegal_content_explanation: undefined })).toEqual(['illegal_content_explanation']);
    expect(fields({ incompatible_content_ground: 'Terms of service' })).toEqual(['incompatible_content_ground']);
    const incompatible = { decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT', illegal_content_legal_ground: undefined, illegal_content_explanation: undefined };
    expect(fields(incompatible)).toEqual(['incompatible_content_ground', 'incompatible_content_explanation']);
    expect(fields({ ...incompatible, incompatible_content_ground: 'ToS 4.2', incompatible_content_explanation: 'Spam.' })).toEqual([]);
    expect(fields({ ...incompatible, incompatible_content_ground: 'ToS 4.2', incompatible_content_explanation: 'Spam.', incompatible_content_illegal: 'Maybe' })).toEqual(['incompatible_content_illegal']);
    expect(fields({ ...incompatible, incompatible_content_ground: 'ToS', incompatible_content_explanation: 'x', illegal_content_explanation: 'x' })).toEqual(['illegal_content_explanation']);
  });

  it('require the "other" text exactly when OTHER is chosen', () => {
    expect(fields({ decision_visibility: ['DECISION_VISIBILITY_OTHER'] })).toEqual(['decision_visibility_other']);
    expect(fields({ decision_visibility: ['DECISION_VISIBILITY_OTHER'], decision_visibility_other: 'Lifted.' })).toEqual([]);
    expect(fields({ decision_visibility_other: 'Lifted.' })).toEqual(['decision_visibility_other']);
    expect(fields({ decision_monetary: 'DECISION_MONETARY_OTHER' })).toEqual(['decision_monetary_other']);
    expect(fields({ category_specification: ['KEYWORD_OTHER'] })).toEqual(['category_specification_other']);
    expect(fields({ content_type: ['CONTENT_TYPE_OTHER'] })).toEqual(['content_type_other']);
    expect(fields({ content_type: ['CONTENT_TYPE_OTHER'], content_type_other: 'A user profile' })).toEqual([]);
  });

  it('refuse texts over their limits, counted in characters', () => {
    const over: [string, number, Record<string, unknown>?][] = [
      ['illegal_content_legal_ground', 500],
      ['illegal_content_explanation', 2_000],
      ['decision_facts', 5_000],
      ['puid', 500],
      ['source_identity', 500],
      ['decision_visibility_other', 500, { decision_visibility: ['DECISION_VISIBILITY_OTHER'] }],
      ['category_specification_other', 500, { category_specification: ['KEYWORD_OTHER'] }],
    ];
    for (const [field, max, extra] of over) {
      const char = field === 'puid' ? 'a' : 'é';
      expect(broken({ ...extra, [field]: char.repeat(max) }), field).toEqual([]);
      expect(broken({ ...extra, [field]: char.repeat(max + 1) }), field).toEqual([{ field, message: `must be at most ${max} characters (it has ${max + 1})` }]);
    }
  });

  it('refuse dates in another format, impossible, too early or in the wrong order', () => {
    expect(fields({ content_date: '2026-12-01T10:00:00Z' })).toEqual(['content_date']);
    expect(fields({ content_date: '01-12-2026' })).toEqual(['content_date']);
    expect(fields({ application_date: '2026-02-30' })).toEqual(['application_date']);
    expect(fields({ content_date: '1999-12-31' })).toEqual(['content_date']);
    expect(fields({ content_date: '2019-01-01', application_date: '2019-12-31' })).toEqual(['application_date']);
    expect(broken({ content_date: '2026-12-02' })).toEqual([{ field: 'application_date', message: 'must not be before content_date' }]);
  });

  it('refuse fields the database does not have, and what is not an object', () => {
    expect(broken({ platform_name: 'Saring' })).toEqual([{ field: 'platform_name', message: 'is not a field of the statement of reasons' }]);
    expect(validateDsaStatement(null)).toEqual([{ field: '(statement)', message: 'must be an object' }]);
    expect(validateDsaStatement([])).toEqual([{ field: '(statement)', message: 'must be an object' }]);
  });

  it('take only EEA countries when asked for the EU database alone', () => {
    expect(validateDsaStatement(GOOD, { territories: ['DE', 'FR'] }).map((p) => p.field)).toEqual(['territorial_scope']);
  });
});
