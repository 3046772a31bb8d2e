export type IdentifierKind =
  | 'iin_bin'
  | 'phone'
  | 'email'
  | 'address'
  | 'iban'
  | 'car_plate'
  | 'id_document'
  | 'birth_date'
  | 'person_name';

/**
 * A person named in the case: parties (private persons or entities), judges, and representatives
 * who are lawyers. Officials and entities keep their names; private persons are reduced to initials.
 */
export interface NamedPerson {
  name: string;
  kind: 'private' | 'official' | 'entity';
}

/** A span of the OUTPUT text that stands where an identifier was; the original is never kept. */
export interface Replacement {
  start: number;
  end: number;
  kind: IdentifierKind;
  original?: never;
  replacement: string;
}

/** A span of the OUTPUT text the court official reviewing the act should look at. */
export interface Flag {
  start: number;
  end: number;
  reason: 'possible_name' | 'possible_identifier';
}

export interface Depersonalised {
  text: string;
  replacements: Replacement[];
  flags: Flag[];
}

/** A span of the INPUT text found by one rule, before overlaps are settled. */
export interface Candidate {
  start: number;
  end: number;
  kind: IdentifierKind;
  replacement: string;
  /** Higher wins an overlap: a long digit run beats a phone number inside it. */
  priority: number;
}

/** A span of the INPUT text no name rule may touch: an official's name, an entity, a case number. */
export interface Span {
  start: number;
  end: number;
}
