/** Vietnam has one time zone, UTC+7, without daylight saving: deadlines and "today" are there. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Vietnam as 'yyyy-mm-dd'. */
export function todayInVietnam(now: Date = new Date()): string {
  return isoDate.format(now);
}

/** The instant at which the given Vietnam calendar day starts (00:00 UTC+7). */
export function startOfVietnamDay(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00+07:00`);
}
