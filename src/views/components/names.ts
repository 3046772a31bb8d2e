// Pages read names here; queries that build documents in a language (the talon) read src/i18n/names.ts.
export { localAddress, localName } from '../../i18n/names.ts';
