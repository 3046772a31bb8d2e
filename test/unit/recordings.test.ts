import { describe, expect, it } from 'vitest';
import { readRange, readUploadOffset, recordingMediaType, TEXT_RECORD_MEDIA_TYPE } from '../../src/domain/recordings.ts';
import type { Principal, Role } from '../../src/policies/principal.ts';
import { CASE_RELATIONS, can, type CaseRelation } from '../../src/policies/rules.ts';

describe('reading a Range header (RFC 9110 §14)', () => {
  it('reads single ranges against the file size', () => {
    expect(readRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(readRange('bytes=500-', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(readRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(readRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(readRange('bytes=990-5000', 1000)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(readRange(' Bytes = 1-1 ', 1000)).toEqual({ kind: 'partial', start: 1, end: 1 });
  });

  it('finds ranges wholly outside the file unsatisfiable', () => {
    expect(readRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(readRange('bytes=1000-2000', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(readRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(readRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what is not a range, and several ranges', () => {
    expect(readRange(undefined, 1000)).toEqual({ kind: 'whole', reason: 'absent' });
    for (const header of ['bytes=abc', 'bytes=5-3', 'bytes=-', 'bytes=', 'items=0-1', '0-1', 'bytes=1-2-3', 'bytes=99999999999999999999-']) {
      expect(readRange(header, 1000), header).toEqual({ kind: 'whole', reason: 'malformed' });
    }
    expect(readRange('bytes=0-1, 5-6', 1000)).toEqual({ kind: 'whole', reason: 'multiple' });
  });
});

describe('where a piece of an upload starts', () => {
  it('reads Upload-Offset or Content-Range', () => {
    expect(readUploadOffset({ 'upload-offset': '300' }, 1000)).toEqual({ offset: 300, length: null });
    expect(readUploadOffset({ 'content-range': 'bytes 300-399/1000' }, 1000)).toEqual({ offset: 300, length: 100 });
    expect(readUploadOffset({ 'content-range': 'bytes 300-399/*' }, 1000)).toEqual({ offset: 300, length: 100 });
  });

  it('refuses a missing, malformed or contradicting place', () => {
    expect(readUploadOffset({}, 1000)).toBeNull();
    expect(readUploadOffset({ 'upload-offset': '-1' }, 1000)).toBeNull();
    expect(readUploadOffset({ 'content-range': 'bytes 300-399/999' }, 1000)).toBeNull();
    expect(readUploadOffset({ 'content-range': 'bytes 400-300/1000' }, 1000)).toBeNull();
  });
});

describe('which files are recordings', () => {
  it('takes audio and video containers by their bytes, and serves audio as audio', () => {
    expect(recordingMediaType('audio', { mime: 'audio/wav' }, false)).toBe('audio/wav');
    expect(recordingMediaType('audio', { mime: 'video/mp4' }, false)).toBe('audio/mp4');
    expect(recordingMediaType('video', { mime: 'video/webm' }, false)).toBe('video/webm');
    expect(recordingMediaType('video', { mime: 'audio/mpeg' }, false)).toBeNull();
    expect(recordingMediaType('audio', { mime: 'application/x-msdownload' }, false)).toBeNull();
    expect(recordingMediaType('audio', undefined, true)).toBeNull();
  });

  it('takes the record as PDF or plain text', () => {
    expect(recordingMediaType('record_text', { mime: 'application/pdf' }, false)).toBe('application/pdf');
    expect(recordingMediaType('record_text', undefined, true)).toBe(TEXT_RECORD_MEDIA_TYPE);
    expect(recordingMediaType('record_text', undefined, false)).toBeNull();
    expect(recordingMediaType('record_text', { mime: 'audio/wav' }, true)).toBeNull();
  });
});

function person(role: Role, courtId: string | null = null): Principal {
  return { userId: `user-${role}`, iin: '900315491000', fullName: role, bin: null, roles: [{ role, courtId }] };
}

describe('who may attach and watch hearing recordings', () => {
  it('lets the clerks, judges and chair of the hearing’s court attach them, nobody else', () => {
    for (const role of ['clerk', 'judge', 'court_chair'] as const) {
      expect(can(person(role, 'a'), { action: 'manage', resource: 'recordings', courtId: 'a' }), role).toBe(true);
      expect(can(person(role, 'b'), { action: 'manage', resource: 'recordings', courtId: 'a' }), role).toBe(false);
    }
    for (const role of ['court_admin', 'system_admin', 'citizen', 'lawyer'] as const) expect(can(person(role, 'a'), { action: 'manage', resource: 'recordings', courtId: 'a' }), role).toBe(false);
  });

  it('plays an open hearing to whoever reads the case, and a closed one only to its participants and the court', () => {
    for (const relation of CASE_RELATIONS) {
      const relations = new Set<CaseRelation>([relation]);
      for (const role of ['citizen', 'lawyer', 'judge', 'clerk', 'court_admin'] as const) {
        const p = person(role, 'a');
        const reads = can(p, { action: 'read', resource: 'case', relations });
        expect(can(p, { action: 'watch', resource: 'recording', relations, closedHearing: false }), `${role} ${relation} open`).toBe(reads);
        expect(can(p, { action: 'watch', resource: 'recording', relations, closedHearing: true }), `${role} ${relation} closed`).toBe(reads && relation !== 'unrelated');
      }
    }
    expect(can(null, { action: 'watch', resource: 'recording', relations: new Set(['party']), closedHearing: false })).toBe(false);
  });
});
