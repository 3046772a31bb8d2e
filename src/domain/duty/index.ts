export * from './calculator.ts';
export * from './rates.ts';
