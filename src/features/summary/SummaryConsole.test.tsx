// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createItem, rootItems, rootFields } from '@/doc/core';
import { addStep, updateStep } from '@/doc/facilitator/nextSteps';
import { makeSession } from '@/test/makeSession';
import { asRole, renderWithSession } from '@/test/renderWithSession';
import { SummaryConsole } from './SummaryConsole';
import { SummaryPhone } from './SummaryPhone';
import { DOCUMENT_ORDER, PHONE_ORDER } from './SummaryDocument';
import { SECTION_IDS } from '@common/summary';

afterEach(cleanup);

function meetingWithHostileNote() {
  const session = makeSession({ role: 'facilitator', phase: 'summary', title: 'Forum', participants: [{ id: 'p1', name: 'Åsa', organisation: 'Region' }] });
  act(() => {
    createItem(rootItems(session.docs.meeting, 'clusters'), 'c1', { id: 'c1', name: 'Överlämning', order: 'a0', parked: false, handOverTo: '' });
    createItem(rootItems(session.docs.meeting, 'notes'), 'n1', {
      id: 'n1',
      text: '<img src=x onerror=alert(1)>',
      clusterId: 'c1',
      parked: false,
      order: 'a0',
    });
  });
  return session;
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 80)));

describe('summary console', () => {
  it('shows a note as text, never as markup, and without an author when anonymous', async () => {
    const session = meetingWithHostileNote();
    const { container } = renderWithSession(<SummaryConsole />, session);
    await settle();
    const notes = screen.getByRole('region', { name: 'Lappar per kluster' });
    expect(within(notes).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(within(notes).queryByText(/Åsa/)).toBeNull();
  });

  it('writes the conclusion to the control doc and hides a section the facilitator unticks', async () => {
    const session = meetingWithHostileNote();
    renderWithSession(<SummaryConsole />, session);
    await settle();
    await userEvent.type(screen.getByRole('textbox', { name: /Vad vi kom fram till/ }), 'Vi gör X');
    await settle();
    expect(rootFields(session.docs.control, 'summary').get('conclusion')).toBe('Vi gör X');
    expect(screen.getByRole('region', { name: 'Vad vi kom fram till' }).textContent).toContain('Vi gör X');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Lappar per kluster' }));
    await settle();
    expect(screen.queryByRole('region', { name: 'Lappar per kluster' })).toBeNull();
  });

  it('goes read-only when the relay marks the meeting closed', async () => {
    const session = meetingWithHostileNote();
    renderWithSession(<SummaryConsole />, session);
    act(() => rootFields(session.docs.control, 'lifecycle').set('closed', true));
    await settle();
    expect(screen.getByText('Mötet är avslutat och skrivskyddat.')).toBeInTheDocument();
    expect((screen.getByRole('textbox', { name: /Vad vi kom fram till/ }) as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.getByRole('button', { name: 'Öppna mötet igen' })).toBeInTheDocument();
  });
});

describe('summary on a phone', () => {
  it('is read-only: no field, no export, no life-cycle button', async () => {
    const session = meetingWithHostileNote();
    renderWithSession(<SummaryPhone />, asRole(session, 'participant', 'p1'));
    await settle();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('summary on a phone', () => {
  it('puts what the meeting came to and the next steps before the record of the meeting', async () => {
    const session = makeSession({ phase: 'summary', title: 'Forum', participants: [{ id: 'p-self', name: 'Åsa', organisation: 'Region' }] });
    act(() => {
      const id = addStep(session.docs.meeting, { what: 'Ta fram en gemensam checklista' });
      updateStep(session.docs.meeting, id, { ownerKind: 'text', ownerText: 'Primärvården', due: '2027-01-15' });
    });
    const { container } = renderWithSession(<SummaryPhone />, session);
    await settle();
    // each step a block with its fields under their labels: no six-column table on a phone
    const steps = screen.getByRole('region', { name: 'Nästa steg' });
    expect(within(steps).queryByRole('table')).toBeNull();
    expect(within(steps).getByText('Ta fram en gemensam checklista')).toBeInTheDocument();
    expect(within(steps).getByText('2027-01-15')).toBeInTheDocument();
    expect(within(steps).getByText('Primärvården')).toBeInTheDocument();
    expect(container.querySelectorAll('.summary-steps > li')).toHaveLength(1);
    const sections = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(sections.slice(0, 2)).toEqual(['Vad vi kom fram till', 'Nästa steg']);
    expect(sections.indexOf('Nästa steg')).toBeLessThan(sections.indexOf('Deltagare'));
    expect(sections.indexOf('Nästa steg')).toBeLessThan(sections.indexOf('Lappar per kluster'));
  });

  it('the phone and the document each show every section once', () => {
    for (const order of [PHONE_ORDER, DOCUMENT_ORDER]) expect([...order].sort()).toEqual([...SECTION_IDS].sort());
  });
});
