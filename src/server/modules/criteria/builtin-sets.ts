/**
 * The built-in criteria sets: one JSON file per set in criteria/sets (see its README.md for the
 * sources and what is still incomplete). The files are imported statically, as calendar.json and
 * emulation.json are, so they resolve the same from src under tsx, in vitest and in the esbuild
 * bundle (dist/server/main.mjs), which does not ship the criteria folder. A new file must be added
 * to BUILTIN_SET_FILES; the unit test fails when a file of the folder is missing from it.
 *
 * Each file is checked with validateDocument (shape and consistency, as an administrator's import)
 * and every derived indicator must name a formula of the registry; a broken file stops the start
 * with a message naming the file and the path inside it.
 */
import cdhtCanBo from '../../../../criteria/sets/qd324-2023-cdht-can-bo.json' with { type: 'json' };
import cdhtHocSinh from '../../../../criteria/sets/qd324-2023-cdht-hoc-sinh.json' with { type: 'json' };
import cdhtNguoiDan from '../../../../criteria/sets/qd324-2023-cdht-nguoi-dan.json' with { type: 'json' };
import cdhtNguoiLaoDong from '../../../../criteria/sets/qd324-2023-cdht-nguoi-lao-dong.json' with { type: 'json' };
import qd448CdhtThon from '../../../../criteria/sets/qd448-2015-cdht-thon.json' with { type: 'json' };
import qd448Dhht from '../../../../criteria/sets/qd448-2015-dhht.json' with { type: 'json' };
import qd448Gdht from '../../../../criteria/sets/qd448-2015-gdht.json' with { type: 'json' };
import tt22 from '../../../../criteria/sets/tt22-2020-dvht.json' with { type: 'json' };
import tt24Huyen from '../../../../criteria/sets/tt24-2023-dvht-huyen.json' with { type: 'json' };
import tt24Tinh from '../../../../criteria/sets/tt24-2023-dvht-tinh.json' with { type: 'json' };
import tt25Xa from '../../../../criteria/sets/tt25-2023-cdht-xa.json' with { type: 'json' };
import type { CriteriaSetDocument } from '../../../shared/criteria.js';
import { validateDocument } from './criteria.schemas.js';
import { checkDerivation } from './engines/derived.js';

/** Every built-in file by its name in criteria/sets. */
export const BUILTIN_SET_FILES: Readonly<Record<string, unknown>> = {
  'tt22-2020-dvht.json': tt22,
  'tt24-2023-dvht-huyen.json': tt24Huyen,
  'tt24-2023-dvht-tinh.json': tt24Tinh,
  'tt25-2023-cdht-xa.json': tt25Xa,
  'qd324-2023-cdht-nguoi-dan.json': cdhtNguoiDan,
  'qd324-2023-cdht-nguoi-lao-dong.json': cdhtNguoiLaoDong,
  'qd324-2023-cdht-can-bo.json': cdhtCanBo,
  'qd324-2023-cdht-hoc-sinh.json': cdhtHocSinh,
  'qd448-2015-gdht.json': qd448Gdht,
  'qd448-2015-dhht.json': qd448Dhht,
  'qd448-2015-cdht-thon.json': qd448CdhtThon,
};

/** One file checked: the parsed document, or why it is not valid. */
export function parseBuiltinSet(file: string, content: unknown): CriteriaSetDocument {
  const checked = validateDocument(content);
  if (!checked.ok) {
    const issues = checked.issues.map((i) => `${i.path}: ${i.message.en}`).join('; ');
    throw new Error(`criteria/sets/${file} is not a valid criteria set: ${issues}`);
  }
  const derivationIssues = checked.document.criteria.flatMap((c) =>
    c.indicators.flatMap((ind) => (ind.derived ? checkDerivation(ind.derived).map((i) => `indicator ${ind.code}: ${i.message.en}`) : [])),
  );
  if (derivationIssues.length) throw new Error(`criteria/sets/${file}: ${derivationIssues.join('; ')}`);
  return checked.document;
}

/** The built-in sets, parsed (zod defaults filled) and checked; throws naming the first broken file. */
export function loadBuiltinSets(): CriteriaSetDocument[] {
  const docs = Object.entries(BUILTIN_SET_FILES).map(([file, content]) => parseBuiltinSet(file, content));
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.code)) throw new Error(`Two built-in criteria sets have the code ${d.code}`);
    seen.add(d.code);
  }
  return docs;
}
