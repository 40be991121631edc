// An upload is saved in a temporary directory of its own; once imported (or refused) both go.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discardUpload } from './iati.service.ts';

describe('discardUpload', () => {
  const made: string[] = [];
  const uploadDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-upload-test-'));
    made.push(dir);
    const file = path.join(dir, 'upload.xml');
    fs.writeFileSync(file, '<iati-activities/>');
    return { dir, file };
  };
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('removes the file and the directory it was saved in', () => {
    const { dir, file } = uploadDir();
    discardUpload(file);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('leaves a directory that holds anything else, and a second call does no harm', () => {
    const { dir, file } = uploadDir();
    fs.writeFileSync(path.join(dir, 'other.txt'), 'keep me');
    discardUpload(file);
    discardUpload(file);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'other.txt'), 'utf8')).toBe('keep me');
  });
});
