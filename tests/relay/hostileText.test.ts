// Every text anyone types, through any path that stores it, passes the one parser in
// common/text.ts where it is written: the console's and board window's commands, a phone's
// commands, the relay's actions, the HTTP API, the archive import and "Planera nästa möte".
// One hostile fixture goes through each; what is stored and what each export holds is checked.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unzipSync, strFromU8 } from 'fflate';
import { controlDocName, groupDocName, meetingDocName } from '../../common/docNames';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, createArchive } from '../../common/archive';
import type { JsonRoots } from '../../common/json';
import { TextFields, TextRules } from '../../common/records';
import { buildSummary, type MeetingSummary } from '../../common/summary';
import { textLength, type TextRule } from '../../common/text';
import { proposeAgendaPoint } from '../../src/doc/agenda';
import { addAgendaItem, editAgendaItem } from '../../src/doc/facilitator/agenda';
import { setCheckinAnswer } from '../../src/doc/checkin';
import { setQuestion } from '../../src/doc/facilitator/checkin';
import { setCheckoutAnswer } from '../../src/doc/checkout';
import { createClusterWithNote, renameCluster } from '../../src/doc/facilitator/clusters';
import { setFollowUpStatus } from '../../src/doc/facilitator/followup';
import { addAnswer, editAnswer } from '../../src/doc/groups';
import { addExpectedOrg, renameExpectedOrg, setMeetingInfo } from '../../src/doc/facilitator/meeting';
import { addStep, updateStep } from '../../src/doc/facilitator/nextSteps';
import { setHandOverTo } from '../../src/doc/parking';
import { parkCluster, parkNote } from '../../src/doc/facilitator/parking';
import { addPrivateNote, editPrivateNote } from '../../src/doc/privateNotes';
import { setConclusion } from '../../src/doc/facilitator/summary';
import { summaryToMarkdown } from '../../src/features/summary/export/markdown';
import { nextStepsToCsv } from '../../src/features/summary/export/csv';
import { summaryToDocxBytes } from '../../src/features/summary/export/docx';
import { checkinAnswer } from '../../server/actions/checkinAnswer';
import { checkoutAnswers } from '../../server/actions/checkoutAnswers';
import { collectSolutions } from '../../server/actions/collectSolutions';
import { gatherDrafts } from '../../server/actions/gatherDrafts';
import { proposeAgenda } from '../../server/actions/proposeAgenda';
import { env, P, snapshot, woken } from '../../server/actions/snapshot.testkit';
import type { Write } from '../../server/actions/types';
import type { Json } from '../../common/json';
import { addParticipant, api, relayForEachTest } from './helpers';
import { ControlRoots } from '../../common/schema';

// ---- the fixture ----

/** what must never be stored: bidi embeddings, overrides, isolates and marks; C0/C1 controls; BOM */
const UNSAFE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/u;
const WOMAN_HEALTH_WORKER = '👩‍⚕️'; // 4 code points
const THUMB = '👍🏽'; // 2 code points, 4 UTF-16 units

/** Hostile values for a field with `max` code points. */
function hostile(max: number): Record<string, string> {
  return {
    override: 'txt\u202Eexe.txt',
    isolates: '\u2066Anna\u2069 \u2067och\u2069 \u2068Bo\u2069\u202A\u202B\u202C\u202D\u200E\u200F\u061C',
    controls: 'bell\u0007null\u0000esc\u001B del\u007F c1\u0085\u009F bom\uFEFF end',
    zeroWidth: '\u200B\u200B\u2060\u3164\u2800',
    long: 'Å'.repeat(10_000),
    emojiAcross: 'x'.repeat(max - 1) + THUMB + WOMAN_HEALTH_WORKER,
  };
}

/** No lone surrogate: half an emoji cut at a limit. */
const wellFormed = (s: string) => !/\p{Cs}/u.test(s);

/** Every string in a plain value, with the path to it. */
function strings(value: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

function expectSafe(value: unknown, where: string): void {
  for (const [path, s] of strings(value)) {
    expect(UNSAFE.test(s), `${where} ${path}: ${JSON.stringify(s.slice(0, 80))}`).toBe(false);
    expect(wellFormed(s), `${where} ${path} holds half an emoji`).toBe(true);
  }
}

/** Every text field of a document's roots is within its rule's limit (code points). */
function expectWithinLimits(kind: keyof typeof TextFields, roots: JsonRoots, where: string): void {
  for (const [root, rules] of Object.entries(TextFields[kind])) {
    const entries = roots[root] ?? {};
    const check = (field: string, value: unknown, rule: TextRule) => {
      if (typeof value === 'string') expect(textLength(value), `${where} ${kind}.${root}.${field}`).toBeLessThanOrEqual(rule.max);
    };
    for (const [key, value] of Object.entries(entries)) {
      if (Object.hasOwn(rules, key)) check(key, value, rules[key]);
      if (value && typeof value === 'object' && !Array.isArray(value)) for (const [field, v] of Object.entries(value)) if (Object.hasOwn(rules, field)) check(field, v, rules[field]);
    }
  }
}

const rootsOf = (doc: Y.Doc): JsonRoots => Object.fromEntries([...doc.share.keys()].map((name) => [name, doc.getMap(name).toJSON()])) as JsonRoots;

/** What Word shows: the text runs of document.xml, XML entities read back. */
const wordText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join('');

/** Every export made from one summary, as text. */
async function exportsOf(summary: MeetingSummary, archiveJson: string) {
  const docx = wordText(strFromU8(unzipSync(await summaryToDocxBytes(summary))['word/document.xml']));
  return { summary: JSON.stringify(summary), markdown: summaryToMarkdown(summary), csv: nextStepsToCsv(summary).replace(/^\uFEFF/, ''), docx, archive: archiveJson };
}

function expectExportsSafe(exports: Record<string, string>): void {
  for (const [format, text] of Object.entries(exports)) {
    // the archive is JSON: its escapes are what a reader would get back
    const readable = format === 'archive' ? strings(JSON.parse(text)).map(([, s]) => s).join('\n') : text;
    const bad = UNSAFE.exec(readable.replace(/[\r\n\t]/g, ' '));
    expect(bad, `${format} holds U+${bad?.[0].codePointAt(0)?.toString(16).toUpperCase()}`).toBeNull();
    expect(wellFormed(readable), `${format} holds half an emoji`).toBe(true);
  }
}

// ---- the console, the board window and the phone: every command that stores text ----

describe('every command that stores typed text', () => {
  it('a next step’s “Vad” typed with U+202E is stored, shown and exported without it', async () => {
    const meeting = new Y.Doc();
    const control = new Y.Doc();
    const id = addStep(meeting);
    updateStep(meeting, id, { what: 'Skicka filen txt\u202Eexe.txt', ownerKind: 'text', ownerText: '\u202Eanna', mandate: 'propose', proposeTo: 'Nämnden\u2066' });
    const stored = (meeting.getMap('nextSteps').get(id) as Y.Map<unknown>).toJSON();
    expect(stored.what).toBe('Skicka filen txtexe.txt');
    expect(stored.ownerText).toBe('anna');
    expect(stored.proposeTo).toBe('Nämnden');
    const summary = buildSummary({ meeting: rootsOf(meeting), control: rootsOf(control), date: '2026-12-05', language: 'sv' });
    expect(summary.nextSteps[0]).toMatchObject({ what: 'Skicka filen txtexe.txt', who: 'anna', proposeTo: 'Nämnden' });
    // a step written by a hand-made facilitator client, past the command: every reader still drops it
    (meeting.getMap('nextSteps').get(id) as Y.Map<unknown>).set('what', 'klick\u202E"exe.txt');
    const read = buildSummary({ meeting: rootsOf(meeting), control: rootsOf(control), date: '2026-12-05', language: 'sv' });
    expect(read.nextSteps[0].what).toBe('klick"exe.txt');
    expectExportsSafe(await exportsOf(read, JSON.stringify(createArchive(rootsOf(meeting), rootsOf(control), 'x'))));
  });

  it('a field typed keystroke by keystroke keeps its spaces under the caret, and is trimmed when read', () => {
    const meeting = new Y.Doc();
    const control = new Y.Doc();
    const id = addStep(meeting);
    let typed = '';
    for (const ch of 'Ring  Eva ') {
      typed += ch;
      updateStep(meeting, id, { what: typed });
      typed = String((meeting.getMap('nextSteps').get(id) as Y.Map<unknown>).get('what'));
    }
    expect(typed).toBe('Ring  Eva ');
    setConclusion(control, 'Vi enades ');
    expect((control.getMap('summary') as Y.Map<unknown>).get('conclusion')).toBe('Vi enades ');
    const summary = buildSummary({ meeting: rootsOf(meeting), control: rootsOf(control), date: '2026-12-05', language: 'sv' });
    expect(summary.nextSteps[0].what).toBe('Ring Eva');
    expect(summary.conclusion).toBe('Vi enades');
  });

  it('an emoji typed at the limit is counted as one character and never split', () => {
    const meeting = new Y.Doc();
    const id = addStep(meeting);
    updateStep(meeting, id, { what: 'x'.repeat(TextRules.stepWhat.max - 1) + THUMB });
    const what = String((meeting.getMap('nextSteps').get(id) as Y.Map<unknown>).get('what'));
    // the skin tone is a code point of its own: the thumb fits, the tone is past the limit
    expect(what).toBe('x'.repeat(TextRules.stepWhat.max - 1) + '👍');
    expect(textLength(what)).toBe(TextRules.stepWhat.max);
    const group = new Y.Doc();
    const answer = addAnswer(group, 'solutions', '');
    editAnswer(group, answer, '😀'.repeat(TextRules.groupAnswer.max + 3));
    const text = String((group.getMap('answers').get(answer) as Y.Map<unknown>).get('text'));
    expect(textLength(text)).toBe(TextRules.groupAnswer.max);
    expect(wellFormed(text)).toBe(true);
  });

  it('stores only clean text within its limit from every command, and every export holds none of the hostile characters', async () => {
    const meeting = new Y.Doc();
    const control = new Y.Doc();
    const priv = new Y.Doc();
    const group = new Y.Doc();
    // a revealed note and a cluster, as the relay puts them on the board
    const board = (noteId: string) => {
      const note = new Y.Map<unknown>();
      meeting.getMap('notes').set(noteId, note);
      for (const [k, v] of Object.entries({ id: noteId, text: 'Lapp', color: 'yellow', tag: '', group: 0, clusterId: null, stackedOn: null, parked: false, handOverTo: '', order: `a${noteId}`, createdAt: 1 })) note.set(k, v);
    };
    const groupItem = new Y.Map<unknown>();
    control.getMap('groups').set('g1', groupItem);
    for (const [k, v] of Object.entries({ id: 'g1', name: 'Grupp 1', order: 'a0', areaId: '' })) groupItem.set(k, v);
    const followUp = new Y.Map<unknown>();
    control.getMap('followup').set('f1', followUp);
    for (const [k, v] of Object.entries({ id: 'f1', what: 'Förra steget', who: 'Eva', when: '', origin: '', order: 'a0', fromMeetingId: 'x', status: 'carried', why: '', history: [] })) followUp.set(k, v);

    let n = 0;
    const rulesTried = new Set<string>();
    const each = (rule: keyof typeof TextRules, write: (value: string) => void) => {
      rulesTried.add(rule);
      for (const value of Object.values(hostile(TextRules[rule].max))) {
        try {
          write(value);
        } catch {
          // a command may refuse a value outright (a note with nothing visible): then nothing is stored
        }
      }
    };
    each('title', (v) => setMeetingInfo(control, { title: v }));
    each('purpose', (v) => setMeetingInfo(control, { purpose: v }));
    each('forumName', (v) => setMeetingInfo(control, { forumName: v }));
    each('organisation', (v) => {
      const org = addExpectedOrg(control, `Org ${n++} ${v}`);
      if (org) renameExpectedOrg(control, org, v);
    });
    each('agendaPoint', (v) => {
      const item = addAgendaItem(control, v) ?? addAgendaItem(control, `Punkt ${n++}`);
      if (item) editAgendaItem(control, item, v);
      proposeAgendaPoint(priv, v);
    });
    each('question', (v) => {
      setQuestion(control, v);
      setQuestion(control, v, ControlRoots.checkout);
    });
    each('answer', (v) => {
      setCheckinAnswer(priv, v);
      setCheckoutAnswer(priv, v);
    });
    each('note', (v) => {
      const note = addPrivateNote(priv, { text: `Lapp ${n++}`, tag: v });
      editPrivateNote(priv, note, { text: v, tag: v });
    });
    each('clusterName', (v) => {
      const noteId = `n${n++}`;
      board(noteId);
      const cluster = createClusterWithNote(meeting, noteId, v);
      if (cluster) {
        renameCluster(meeting, cluster, v);
        parkCluster(meeting, cluster, v);
        setHandOverTo(meeting, { kind: 'cluster', id: cluster }, v);
      }
    });
    each('handOver', (v) => {
      const noteId = `n${n++}`;
      board(noteId);
      parkNote(meeting, noteId, v);
      setHandOverTo(meeting, { kind: 'note', id: noteId }, v);
    });
    each('stepWhat', (v) => {
      const step = addStep(meeting, { what: v });
      updateStep(meeting, step, { what: v, ownerKind: 'text', ownerText: v, mandate: 'propose', proposeTo: v });
    });
    each('stepOwner', () => {});
    each('proposeTo', () => {});
    each('conclusion', (v) => setConclusion(control, v));
    each('followUpWhy', (v) => setFollowUpStatus(control, 'f1', 'dropped', v));
    each('groupAnswer', (v) => {
      const answer = addAnswer(group, 'solutions', v);
      editAnswer(group, answer, `${v} ${v}`);
    });

    const docs = { meeting: rootsOf(meeting), control: rootsOf(control), group: rootsOf(group) };
    for (const [kind, roots] of Object.entries(docs)) {
      expectSafe(roots, kind);
      expectWithinLimits(kind as keyof typeof TextFields, roots, 'stored');
    }
    expectSafe(rootsOf(priv), 'private');
    expect(strings(rootsOf(priv)).length).toBeGreaterThan(10);
    // the hostile text is gone, what a person could read is kept
    expect(docs.control.meeting.title).toBe('x'.repeat(TextRules.title.max - 1) + '👍');
    expect(strings(docs).some(([, s]) => s.includes('txtexe.txt'))).toBe(true);
    expect(strings(docs).some(([, s]) => s.includes('Anna och Bo'))).toBe(true);

    const summary = buildSummary({ ...docs, groupDocs: { g1: docs.group }, date: '2026-12-05', language: 'sv' });
    expect(summary.nextSteps.length).toBeGreaterThan(3);
    expect(summary.parking.length).toBeGreaterThan(3);
    const archive = JSON.stringify(createArchive(docs.meeting, docs.control, '2026-12-05T10:00:00Z', { g1: docs.group }));
    const exports = await exportsOf(summary, archive);
    expectExportsSafe(exports);
    for (const format of ['markdown', 'csv', 'docx', 'summary', 'archive'] as const) expect(exports[format], format).toContain('txtexe');
    // every rule in the table was walked
    expect([...rulesTried].sort()).toEqual(expect.arrayContaining(['agendaPoint', 'clusterName', 'conclusion', 'groupAnswer', 'handOver', 'note', 'stepWhat', 'title']));
  });
});

// ---- the relay: every action that copies a phone's text into a shared document ----

describe('every relay action that copies text from a phone', () => {
  const fields = (writes: Write[]) => writes.map((w) => (w.op === 'item' || w.op === 'update' ? w.fields : w.op === 'set' ? w.value : null)) as Json[];

  it('check-in and check-out answers, agenda proposals, drafts and the groups’ proposals are copied clean and within their limits', () => {
    for (const [name, value] of Object.entries(hostile(TextRules.answer.max))) {
      const answer = { text: value, passed: false, updatedAt: 1 };
      const checkin = checkinAnswer.decide(woken({ private: { [P]: { checkin: answer } } }), env);
      const checkout = checkoutAnswers.decide(woken({ private: { [P]: { checkout: answer } } }), env);
      const proposals = proposeAgenda.decide(woken({ private: { [P]: { proposals: { a1: { id: 'a1', text: value, createdAt: 1 } } } } }), env);
      const drafts = gatherDrafts.decide(woken({ private: { [P]: { notes: { ['n'.repeat(21)]: { id: 'n'.repeat(21), text: `${value} lapp`, tag: value, state: 'draft', createdAt: 1 } } } } }), env);
      const solutions = collectSolutions.decide(
        snapshot({
          control: { phase: { current: 'solutionVoting' }, groups: { g1: { id: 'g1', order: 'a0', areaId: '' } }, voting: { solutions: { revealed: false } } },
          group: { g1: { answers: { s1: { question: 'solutions', text: `${value} förslag`, order: 'a0', createdAt: 1 } } } },
        }),
        env,
      );
      for (const [action, writes, max] of [
        ['checkinAnswer', checkin, TextRules.answer.max],
        ['checkoutAnswers', checkout, TextRules.answer.max],
        ['proposeAgenda', proposals, TextRules.agendaPoint.max],
        ['gatherDrafts', drafts, TextRules.note.max],
        ['collectSolutions', solutions, TextRules.groupAnswer.max],
      ] as const) {
        const texts = strings(fields(writes)).filter(([path]) => /(^|\.)(text|tag)$/.test(path));
        if (action !== 'proposeAgenda' || name !== 'zeroWidth') expect(texts.length, `${action} ${name}`).toBeGreaterThan(0);
        expectSafe(fields(writes), `${action} ${name}`);
        for (const [path, s] of texts) {
          expect(textLength(s), `${action} ${name} ${path}`).toBeLessThanOrEqual(max);
          expect(s, `${action} ${name} ${path} trimmed`).toBe(s.trim());
        }
      }
    }
  });
});

// ---- HTTP: create, join, rename, import, next meeting ----

describe('every HTTP path that stores text', () => {
  const ctx = relayForEachTest();
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const docRoots = async (name: string, key: string) => {
    const c = ctx.connect(ctx.relay.wsUrl, name, key);
    await c.synced;
    return rootsOf(c.doc);
  };

  it('a title, a name and an organisation are stored clean; names of nothing visible or 10,000 characters are refused', async () => {
    const { relay } = ctx;
    const h = hostile(TextRules.name.max);
    const m = await api(relay.url, '/api/meetings', { method: 'POST', body: { title: `Forum ${h.override}${h.controls}${h.isolates}` } });
    expect(m.status).toBe(201);
    expect((await api(relay.url, `/api/meetings/${m.body.meetingId}/participants`, { body: { name: h.zeroWidth, organisation: 'Region' } })).status).toBe(400);
    // 10,000 characters: too long for a name, and (as UTF-8) past the body cap
    expect([400, 413]).toContain((await api(relay.url, `/api/meetings/${m.body.meetingId}/participants`, { body: { name: h.long, organisation: 'Region' } })).status);
    expect((await api(relay.url, `/api/meetings/${m.body.meetingId}/participants`, { body: { name: 'x'.repeat(TextRules.name.max + 1), organisation: 'Region' } })).status).toBe(400);
    const joined = await addParticipant(relay.url, m.body.meetingId, `${h.override} ${h.isolates}`, h.emojiAcross.slice(0, -WOMAN_HEALTH_WORKER.length - 2 * 20) + h.controls.slice(0, 4));
    const renamed = await api(relay.url, `/api/meetings/${m.body.meetingId}/participants/${joined.participantId}`, {
      method: 'PATCH',
      body: { name: `Eva ${h.controls}` },
      headers: bearer(joined.participantKey),
    });
    expect(renamed.status).toBe(200);
    const control = await docRoots(controlDocName(m.body.meetingId), m.body.facilitatorKey);
    expectSafe(control, 'control');
    expectWithinLimits('control', control, 'http');
    expect(control.meeting.title).toBe(`Forum txtexe.txtbellnullesc del c1 bom endAnna och Bo`);
    expect((control.participants[joined.participantId] as Record<string, unknown>).name).toBe('Eva bellnullesc del c1 bom end');
  });

  it('an imported archive’s bikupa and fyra hörn texts are capped by their rules like everything typed', async () => {
    const { relay } = ctx;
    const long = (c: string) => `${c.repeat(5000)}\u202E`;
    const archive = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: '2026-12-05T10:00:00Z',
      meeting: {
        buzzLines: { '1': { group: 1, text: long('l'), updatedAt: 1 } },
        cornerReasons: { reasonreasonreas: { corner: 0, text: long('r'), updatedAt: 1 } },
      },
      control: {
        buzz: { question: long('q'), mode: 'neighbours', size: 2, seed: 1 },
        corners: { statement: long('s'), answers: [long('a'), long('b'), 'C', 'D'], open: false, revealed: true, reasonsOpen: true },
      },
    };
    const res = await api(relay.url, '/api/import', { method: 'POST', body: archive });
    expect(res.status).toBe(201);
    const stored = {
      meeting: await docRoots(meetingDocName(res.body.meetingId), res.body.facilitatorKey),
      control: await docRoots(controlDocName(res.body.meetingId), res.body.facilitatorKey),
    };
    const len = (v: unknown) => textLength(String(v));
    const buzzLines = stored.meeting.buzzLines as Record<string, Record<string, unknown>>;
    const reasons = stored.meeting.cornerReasons as Record<string, Record<string, unknown>>;
    const corners = stored.control.corners as Record<string, unknown>;
    expect(len(buzzLines['1'].text)).toBe(TextRules.answer.max);
    expect(len(reasons.reasonreasonreas.text)).toBe(TextRules.answer.max);
    expect(len((stored.control.buzz as Record<string, unknown>).question)).toBe(TextRules.question.max);
    expect(len(corners.statement)).toBe(TextRules.question.max);
    expect((corners.answers as string[]).map(len)).toEqual([TextRules.cornerAnswer.max, TextRules.cornerAnswer.max, 1, 1]);
    expectSafe(stored, 'imported');
  });

  it('an imported archive full of hostile text is stored clean, within every limit, and the next meeting planned from a hostile one too', async () => {
    const { relay } = ctx;
    const h = hostile(500);
    const texts = Object.values(h);
    let i = 0;
    const next = () => texts[i++ % texts.length];
    // every text field of every root, hostile
    const fill = (kind: keyof typeof TextFields) =>
      Object.fromEntries(
        Object.entries(TextFields[kind]).map(([root, rules]) => {
          const flat = ['meeting', 'checkin', 'checkout', 'summary'].includes(root) && kind === 'control';
          const fields = Object.fromEntries(Object.keys(rules).map((f) => [f, next()]));
          if (flat) return [root, fields];
          return [root, { i1: { id: 'i1', order: 'a0\u202E', ...fields, ownerKind: 'text', mandate: 'propose', status: 'notStarted', parked: root === 'notes', question: 'solutions' }, i2: { id: 'i2', order: 'a1', ...Object.fromEntries(Object.keys(rules).map((f) => [f, next()])) } }];
        }),
      ) as JsonRoots;
    const meeting = fill('meeting');
    const control = fill('control');
    control.groups = { g1: { id: 'g1', name: `${h.override}`, order: 'a0', areaId: '' } };
    const archive = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: '2026-12-05T10:00:00Z', meeting, control, groups: { g1: fill('group') } };
    const res = await api(relay.url, '/api/import', { method: 'POST', body: archive });
    expect(res.status).toBe(201);
    const stored = {
      meeting: await docRoots(meetingDocName(res.body.meetingId), res.body.facilitatorKey),
      control: await docRoots(controlDocName(res.body.meetingId), res.body.facilitatorKey),
    };
    const groupDoc = ctx.connect(relay.wsUrl, groupDocName(res.body.meetingId, 'g1'), res.body.facilitatorKey);
    await groupDoc.synced;
    const group = rootsOf(groupDoc.doc);
    expectSafe(stored, 'imported');
    expectSafe(group, 'imported group');
    expectWithinLimits('meeting', stored.meeting, 'imported');
    expectWithinLimits('control', stored.control, 'imported');
    expectWithinLimits('group', group, 'imported');
    expect(strings(stored).some(([, s]) => s.includes('txtexe.txt'))).toBe(true);
    const summary = buildSummary({ ...stored, groupDocs: { g1: group }, date: '2026-12-05', language: 'sv' });
    expectExportsSafe(await exportsOf(summary, JSON.stringify(createArchive(stored.meeting, stored.control, 'x', { g1: group }))));

    // the facilitator's own hand-made client writes raw text past every command; the next meeting gets none of it
    const source = ctx.connect(relay.wsUrl, meetingDocName(res.body.meetingId), res.body.facilitatorKey);
    const sourceControl = ctx.connect(relay.wsUrl, controlDocName(res.body.meetingId), res.body.facilitatorKey);
    await Promise.all([source.synced, sourceControl.synced]);
    (source.doc.getMap('nextSteps').get('i1') as Y.Map<unknown>).set('what', 'klick\u202E"exe.txt' + 'y'.repeat(2000));
    (sourceControl.doc.getMap('agenda').get('i1') as Y.Map<unknown>).set('text', '\u2066agenda\u0007');
    sourceControl.doc.getMap('meeting').set('forumName', 'Forum\u202E');
    await relay.server.settle();
    const planned = await api(relay.url, `/api/meetings/${res.body.meetingId}/next`, { method: 'POST', headers: bearer(res.body.facilitatorKey) });
    expect(planned.status).toBe(201);
    const nextMeeting = {
      meeting: await docRoots(meetingDocName(planned.body.meetingId), planned.body.facilitatorKey),
      control: await docRoots(controlDocName(planned.body.meetingId), planned.body.facilitatorKey),
    };
    expectSafe(nextMeeting, 'next meeting');
    expectWithinLimits('meeting', nextMeeting.meeting, 'next');
    expectWithinLimits('control', nextMeeting.control, 'next');
    expect(nextMeeting.control.meeting.forumName).toBe('Forum');
    expect(strings(nextMeeting.control.followup).some(([, s]) => s.startsWith('klick"exe.txt'))).toBe(true);
    const series = await api(relay.url, `/api/meetings/${planned.body.meetingId}/series`, { headers: bearer(planned.body.facilitatorKey) });
    expectSafe(series.body, 'series');
  });
});
