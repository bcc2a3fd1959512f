import { describe, expect, it } from 'vitest';
import { sniffEvidenceType } from './sniff.js';

describe('evidence types by content', () => {
  it('knows PDF, JPEG, PNG and WebP by their first bytes, whatever the name says', () => {
    expect(sniffEvidenceType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffEvidenceType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffEvidenceType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffEvidenceType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
  });

  it('refuses anything else: an executable, HTML, a Word file, an empty file', () => {
    expect(sniffEvidenceType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffEvidenceType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffEvidenceType(Buffer.from('PK\x03\x04'))).toBeNull();
    expect(sniffEvidenceType(Buffer.alloc(0))).toBeNull();
  });
});
