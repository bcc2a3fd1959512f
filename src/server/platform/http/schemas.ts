import { z } from 'zod';
import { parseDate } from '../../../shared/vn-text.js';

/** Request pieces shared by the routes of several modules. */
export const uuidParam = z.object({ id: z.uuid() });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** The language of an exported file's headings. */
export const exportLanguage = z.enum(['vi', 'en']).default('vi');

/** An ISO calendar date 'yyyy-mm-dd' that exists. */
export const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDate(s.split('-').reverse().join('/')) === s, {
  message: 'expected a date yyyy-mm-dd',
});

export const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** A required human-entered text: trimmed, non-empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** An optional human-entered text: trimmed and bounded; empty, null or absent becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
