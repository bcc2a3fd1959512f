import type { Bilingual } from '../../platform/errors.js';

/**
 * The password policy, stated to users on the setup, create-user and change-password screens.
 * Follows the spirit of TCVN 11930:2017 (information security for systems by level):
 * a minimum length, letters and digits, not the login, not a well-known password.
 */
export const PASSWORD_POLICY = {
  minLength: 10,
  maxLength: 128,
  rules: [
    { vi: 'Ít nhất 10 ký tự', en: 'At least 10 characters' },
    { vi: 'Có cả chữ cái và chữ số', en: 'Both letters and digits' },
    { vi: 'Không chứa tên đăng nhập', en: 'Does not contain the login' },
    { vi: 'Không phải mật khẩu phổ biến', en: 'Not a common password' },
  ] as Bilingual[],
};

const COMMON = new Set(['password1', 'password123', '1234567890', 'qwerty1234', 'matkhau123', 'abc1234567', 'admin12345', 'hoctap2026', '123456789a', 'a123456789']);

/** The first rule the password breaks, or null. */
export function passwordProblem(raw: string, login?: string): Bilingual | null {
  const password = raw.normalize('NFC');
  if (password.length < PASSWORD_POLICY.minLength) {
    return { vi: `Mật khẩu phải có ít nhất ${PASSWORD_POLICY.minLength} ký tự.`, en: `The password must have at least ${PASSWORD_POLICY.minLength} characters.` };
  }
  if (password.length > PASSWORD_POLICY.maxLength) {
    return { vi: `Mật khẩu dài tối đa ${PASSWORD_POLICY.maxLength} ký tự.`, en: `The password may have at most ${PASSWORD_POLICY.maxLength} characters.` };
  }
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    return { vi: 'Mật khẩu phải có cả chữ cái và chữ số.', en: 'The password must contain both letters and digits.' };
  }
  if (login && login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) {
    return { vi: 'Mật khẩu không được chứa tên đăng nhập.', en: 'The password must not contain the login.' };
  }
  if (COMMON.has(password.toLowerCase())) {
    return { vi: 'Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác.', en: 'This password is too common; choose another.' };
  }
  return null;
}
