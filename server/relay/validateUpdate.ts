// Structural check of an untrusted Yjs v1 update before it touches a document: one pass over its
// bytes, the way Yjs 13.6 reads them (readClientsStructRefs, readItemContent, readDeleteSet), that
// refuses anything an honest Yjs client never writes. Cost is linear in the update, not the doc.
import * as decoding from 'lib0/decoding';

/** Yjs draws client ids with random.uint32(). */
const MAX_CLIENT = 0xffff_ffff;
/** No honest document reaches a trillion operations from one client; keeps clock + len exact. */
const MAX_CLOCK = 2 ** 40;
/** Content refs an honest client of this app writes (9, a subdocument, is never used here). */
const CONTENT_DELETED = 1;
const CONTENT_JSON = 2;
const CONTENT_BINARY = 3;
const CONTENT_STRING = 4;
const CONTENT_EMBED = 5;
const CONTENT_FORMAT = 6;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const STRUCT_GC = 0;
const STRUCT_SKIP = 10;
const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
/** y-types: YArray, YMap, YText, YXmlElement, YXmlFragment, YXmlHook, YXmlText */
const TYPE_REFS = 7;
const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;

export class InvalidUpdate extends Error {}

function fail(why: string): never {
  throw new InvalidUpdate(why);
}

function readClient(d: decoding.Decoder): number {
  const client = decoding.readVarUint(d);
  if (client > MAX_CLIENT) fail('client id outside uint32');
  return client;
}

function readClock(d: decoding.Decoder): number {
  const clock = decoding.readVarUint(d);
  if (clock > MAX_CLOCK) fail('clock out of range');
  return clock;
}

function readLen(d: decoding.Decoder): number {
  const len = decoding.readVarUint(d);
  if (len === 0) fail('zero-length struct');
  if (len > MAX_CLOCK) fail('length out of range');
  return len;
}

function readJson(d: decoding.Decoder): void {
  const s = decoding.readVarString(d);
  if (s !== 'undefined') JSON.parse(s);
}

/** Reads one item's content; returns its length in clock units (never 0). */
function readContent(d: decoding.Decoder, ref: number): number {
  switch (ref) {
    case CONTENT_DELETED:
      return readLen(d);
    case CONTENT_JSON: {
      const len = readLen(d);
      for (let i = 0; i < len; i++) readJson(d);
      return len;
    }
    case CONTENT_BINARY:
      decoding.readVarUint8Array(d);
      return 1;
    case CONTENT_STRING: {
      const len = decoding.readVarString(d).length;
      if (len === 0) fail('zero-length struct');
      return len;
    }
    case CONTENT_EMBED:
      readJson(d);
      return 1;
    case CONTENT_FORMAT:
      decoding.readVarString(d);
      readJson(d);
      return 1;
    case CONTENT_TYPE: {
      const typeRef = decoding.readVarUint(d);
      if (typeRef >= TYPE_REFS) fail('unknown type ref');
      if (typeRef === TYPE_XML_ELEMENT || typeRef === TYPE_XML_HOOK) decoding.readVarString(d);
      return 1;
    }
    case CONTENT_ANY: {
      const len = readLen(d);
      for (let i = 0; i < len; i++) decoding.readAny(d);
      return len;
    }
    default:
      return fail(`unknown content ref ${ref}`);
  }
}

/** An origin or parent id; within the item's own client it must point before the item. */
function readId(d: decoding.Decoder, client: number, clock: number): void {
  const c = readClient(d);
  const k = readClock(d);
  if (c === client && k >= clock) fail('origin at or after the item itself');
}

/**
 * Throws InvalidUpdate (or a decoding error) unless `update` is a well-formed Yjs v1 update with
 * nothing an honest client writes: no zero-length structs, client ids within uint32, clocks and
 * lengths that cannot overflow, known content and type refs, origins of the item's own client that
 * point before it, a delete set with non-empty ranges, no repeated client, no trailing bytes.
 */
export function validateUpdate(update: Uint8Array): void {
  const d = decoding.createDecoder(update);
  const clients = decoding.readVarUint(d);
  const seen = new Set<number>();
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(d);
    // every struct takes at least one byte: a count past the end is a lie, not an allocation
    if (structs > update.byteLength - d.pos) fail('struct count past the end');
    const client = readClient(d);
    if (seen.has(client)) fail('client repeated');
    seen.add(client);
    let clock = readClock(d);
    for (let i = 0; i < structs; i++) {
      const info = decoding.readUint8(d);
      const ref = info & 31;
      let len: number;
      if (ref === STRUCT_GC || ref === STRUCT_SKIP) {
        if (info !== ref) fail('flags on a gc or skip struct');
        len = readLen(d);
      } else {
        if (info & BIT8) readId(d, client, clock);
        if (info & BIT7) readId(d, client, clock);
        if ((info & (BIT7 | BIT8)) === 0) {
          const parentIsRoot = decoding.readVarUint(d);
          if (parentIsRoot === 1) decoding.readVarString(d);
          else if (parentIsRoot === 0) readId(d, client, clock);
          else fail('bad parent info');
          if (info & BIT6) decoding.readVarString(d);
        }
        len = readContent(d, ref);
      }
      clock += len;
      if (clock > MAX_CLOCK) fail('clock out of range');
    }
  }
  const dsClients = decoding.readVarUint(d);
  const dsSeen = new Set<number>();
  for (let c = 0; c < dsClients; c++) {
    const client = readClient(d);
    if (dsSeen.has(client)) fail('delete set client repeated');
    dsSeen.add(client);
    const ranges = decoding.readVarUint(d);
    if (ranges > update.byteLength - d.pos) fail('delete range count past the end');
    for (let i = 0; i < ranges; i++) {
      const clock = readClock(d);
      const len = readLen(d);
      if (clock + len > MAX_CLOCK) fail('delete range out of range');
    }
  }
  if (d.pos !== update.byteLength) fail('trailing bytes');
}

/** validateUpdate as a boolean, with the reason for the log. */
export function checkUpdate(update: Uint8Array): { ok: true } | { ok: false; why: string } {
  try {
    validateUpdate(update);
    return { ok: true };
  } catch (err) {
    return { ok: false, why: err instanceof InvalidUpdate ? err.message : `undecodable: ${String(err)}` };
  }
}
