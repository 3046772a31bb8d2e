// GOV.UK Frontend ships no types; the page script uses only this.
declare module 'govuk-frontend' {
  export function initAll(): void;
}
