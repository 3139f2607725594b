import { describe, expect, it } from 'vitest';
import { canVolunteer, ownerLabel, parseDue, parseNextStep, volunteerFields } from './nextSteps';

describe('next steps', () => {
  it('keeps only real calendar dates', () => {
    expect(parseDue('2026-12-01')).toBe('2026-12-01');
    expect(parseDue('2026-02-30')).toBe('');
    expect(parseDue('imorgon')).toBe('');
  });

  it('fills defaults and drops fields that do not belong to the owner kind or mandate', () => {
    const step = parseNextStep('s1', { what: 'Ta fram rutin', ownerKind: 'text', ownerId: 'x', ownerText: 'Region Norr', mandate: 'decide', proposeTo: 'Styrgruppen' });
    expect(step).toMatchObject({ ownerKind: 'text', ownerId: '', ownerText: 'Region Norr', mandate: 'decide', proposeTo: '', status: 'notStarted' });
    expect(parseNextStep('s2', { mandate: 'propose', proposeTo: 'Ledningsgruppen', status: 'bogus' })).toMatchObject({ mandate: 'propose', proposeTo: 'Ledningsgruppen', status: 'notStarted' });
  });

  it('a participant can volunteer only for a step nobody owns', () => {
    const free = parseNextStep('s1', { what: 'x' });
    expect(volunteerFields(free, 'anna')).toEqual({ ownerKind: 'participant', ownerId: 'anna' });
    expect(volunteerFields(parseNextStep('s2', { ownerKind: 'forum' }), 'anna')).toBeNull();
    expect(canVolunteer(parseNextStep('s3', { status: 'dropped' }))).toBe(false);
  });

  it('names the owner', () => {
    const names = new Map([['anna', 'Anna']]);
    expect(ownerLabel(parseNextStep('s', { ownerKind: 'participant', ownerId: 'anna' }), names, 'Forumet', '–')).toBe('Anna');
    expect(ownerLabel(parseNextStep('s', { ownerKind: 'forum' }), names, 'Forumet', '–')).toBe('Forumet');
    expect(ownerLabel(parseNextStep('s', {}), names, 'Forumet', '–')).toBe('–');
  });
});
