/**
 * Automatic depersonalisation of court acts before they enter the public judgment bank.
 * Work in progress: the interface is stable, the rules follow.
 */
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

/** A person named in the case: parties, judges, lawyers. Officials and entities keep their names. */
export interface NamedPerson {
  name: string;
  kind: 'private' | 'official' | 'entity';
}

/** A span of the OUTPUT text that replaced an identifier; the original is never kept. */
export interface Replacement {
  start: number;
  end: number;
  kind: IdentifierKind;
  original?: never;
  replacement: string;
}

/** A span of the OUTPUT text a reviewer should look at. */
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

export function depersonalise(text: string, people: readonly NamedPerson[]): Depersonalised {
  void people;
  return { text, replacements: [], flags: [] };
}
