import { describe, expect, it } from 'vitest';
import { checkSenderRules, policeOnlyFields } from './check-sender-rules.ts';
import { edited, loadExample, REMOVE } from './load-example.ts';
import { KindName, parseNotification } from './registry.ts';

function parsed(kind: KindName, payload: unknown): unknown {
  const result = parseNotification(kind, payload);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const evaluation = {
  source: '1',
  intelligence: 'B',
  handling: 'P',
  evaluatedBy: 'Force intelligence bureau',
  evaluatedAt: '2025-03-12T14:00:00+00:00',
};

describe('checkSenderRules', () => {
  it.each(KindName.options)('passes the %s example from its own sender type', (kind) => {
    const example = loadExample(kind);
    const sender = (example.sender as { agencyType: 'childrens-services' }).agencyType;
    expect(checkSenderRules(kind, parsed(kind, example), sender)).toEqual([]);
  });

  it('names the police-only fields: the 3x5x2 evaluation of intelligence', () => {
    expect(policeOnlyFields('intelligence-form')).toContainEqual(['policeEvaluation']);
    expect(policeOnlyFields('cse-protocol-entry')).toEqual([]);
  });

  it('refuses a 3x5x2 evaluation from a partner, accepts it from police', () => {
    const form = loadExample('intelligence-form');
    const graded = parsed('intelligence-form', edited(form, ['policeEvaluation'], evaluation));
    expect(checkSenderRules('intelligence-form', graded, 'voluntary')).toContainEqual({
      path: ['policeEvaluation'],
      message: 'may be filled by police only',
      code: 'POLICE_ONLY',
    });
    let fromPolice = edited(form, ['policeEvaluation'], evaluation);
    fromPolice = edited(fromPolice, ['sender'], {
      agencyType: 'police',
      org: { scheme: 'ons_pfa', value: 'W15000003', name: 'South Wales Police' },
      contact: { role: 'Force intelligence bureau' },
    });
    fromPolice = edited(fromPolice, ['lawfulBasis', 'ukGdprArt6'], ['6(1)(e)']);
    fromPolice = edited(fromPolice, ['lawfulBasis', 'dpaPart3'], { isLawEnforcementProcessing: true });
    expect(checkSenderRules('intelligence-form', parsed('intelligence-form', fromPolice), 'police')).toEqual(
      [],
    );
  });

  it('refuses a payload whose sender type differs from the directory', () => {
    const issues = checkSenderRules(
      'cse-protocol-entry',
      parsed('cse-protocol-entry', loadExample('cse-protocol-entry')),
      'police',
    );
    expect(issues.map((i) => i.code)).toContain('SENDER_MISMATCH');
  });

  it('needs DPA Part 3 from police', () => {
    const move = edited(loadExample('out-of-area-move'), ['lawfulBasis', 'dpaPart3'], REMOVE);
    const issues = checkSenderRules('out-of-area-move', parsed('out-of-area-move', move), 'police');
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['lawfulBasis', 'dpaPart3'], code: 'REQUIRED_FOR_SENDER' }),
    );
  });

  it('refuses legitimate interests (6(1)(f)) from a public authority', () => {
    const entry = edited(loadExample('cse-protocol-entry'), ['lawfulBasis', 'ukGdprArt6'], ['6(1)(f)']);
    const issues = checkSenderRules(
      'cse-protocol-entry',
      parsed('cse-protocol-entry', entry),
      'childrens-services',
    );
    expect(issues).toContainEqual(expect.objectContaining({ code: 'BASIS_NOT_AVAILABLE' }));
  });

  it('needs the episode type from children’s services and the risk grade from police', () => {
    const episode = edited(loadExample('missing-episode'), ['episodeType'], REMOVE);
    const fromLa = checkSenderRules(
      'missing-episode',
      parsed('missing-episode', episode),
      'childrens-services',
    );
    expect(fromLa).toContainEqual(expect.objectContaining({ path: ['episodeType'] }));
    const fromHome = checkSenderRules(
      'missing-episode',
      parsed('missing-episode', edited(episode, ['sender', 'agencyType'], 'childrens-home')),
      'childrens-home',
    );
    expect(fromHome).toEqual([
      expect.objectContaining({ path: ['episodeType'], code: 'REQUIRED_FOR_SENDER' }),
    ]);
    let fromPolice = edited(episode, ['policeRiskGrade'], REMOVE);
    fromPolice = edited(fromPolice, ['sender', 'agencyType'], 'police');
    fromPolice = edited(fromPolice, ['lawfulBasis', 'dpaPart3'], { isLawEnforcementProcessing: true });
    const issues = checkSenderRules('missing-episode', parsed('missing-episode', fromPolice), 'police');
    expect(issues).toEqual([
      expect.objectContaining({ path: ['policeRiskGrade'], code: 'REQUIRED_FOR_SENDER' }),
    ]);
    const unconsidered = edited(fromPolice, ['exploitationRisk'], REMOVE);
    expect(
      checkSenderRules('missing-episode', parsed('missing-episode', unconsidered), 'police'),
    ).toContainEqual(expect.objectContaining({ path: ['exploitationRisk'], code: 'REQUIRED_FOR_SENDER' }));
  });

  it('never throws on junk', () => {
    for (const junk of [null, 1, 'x', [], { sender: null }]) {
      expect(checkSenderRules('intelligence-form', junk, 'voluntary').length).toBeGreaterThan(0);
    }
  });
});

describe('de-identified figures', () => {
  it('need no DPA Part 3 basis from police: they carry no personal data', () => {
    const parsed = parseNotification('board-statistics', {
      ...loadExample('board-statistics'),
      sender: { agencyType: 'police', org: { scheme: 'ons_pfa', value: 'W15000003' } },
    });
    if (!parsed.ok) throw new Error('example does not parse');
    expect(checkSenderRules('board-statistics', parsed.value, 'police')).toEqual([]);
    expect(checkSenderRules('board-statistics', parsed.value, 'safeguarding-board')).toContainEqual(
      expect.objectContaining({ code: 'SENDER_NOT_ALLOWED' }),
    );
  });
});
