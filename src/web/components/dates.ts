/** How the UI shows and accepts dates: dd/mm/yyyy. */
export const DATE_FORMAT = 'DD/MM/YYYY';
/** How the API wants dates: yyyy-mm-dd. */
export const API_DATE_FORMAT = 'YYYY-MM-DD';
