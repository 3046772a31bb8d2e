import { checkDigit } from '../domain/iin.ts';
import type { OrganisationRole } from '../domain/ncaRoles.ts';

/**
 * Invented people for the demo. Their IINs and BINs have valid check digits but belong to no
 * one: the serial digits start at 9000, a range chosen to keep clear of real numbers in a demo.
 */
export type DemoRole = 'citizen' | 'legal_representative' | 'lawyer' | 'clerk' | 'judge' | 'court_chair' | 'court_admin' | 'system_admin';

export interface DemoPerson {
  /** Stable handle used by tests and the dev PKI to find this person. */
  handle: string;
  fullName: string;
  iin: string;
  language: 'kk' | 'ru' | 'en';
  roles: { role: Exclude<DemoRole, 'citizen' | 'legal_representative'>; court?: string }[];
  /** For a legal entity's people: the BIN of the entity, its name and their NCA roles in it. */
  bin?: string;
  organisation?: string;
  organisationRoles?: OrganisationRole[];
  barNumber?: string;
  phone?: string;
  email?: string;
}

/** Twelve digits from eleven, with the check digit; moves the serial on when no check digit fits. */
export function withCheckDigit(prefix6: string, seventh: string, serial: number): string {
  for (let s = serial; s < serial + 20; s++) {
    const first11 = `${prefix6}${seventh}${String(s).padStart(4, '0')}`;
    const check = checkDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error('no check digit found');
}

const FIRST_NAMES_MALE = ['Ерлан', 'Тимур', 'Ғалым', 'Нұрлан', 'Бауыржан', 'Дәурен', 'Асхат', 'Марат', 'Қайрат', 'Болат', 'Серік', 'Жандос'];
const FIRST_NAMES_FEMALE = ['Айгерім', 'Дана', 'Әсел', 'Гүлнар', 'Мадина', 'Жанар', 'Салтанат', 'Динара', 'Ләззат', 'Айжан', 'Меруерт', 'Сәуле'];
// Court staff surnames differ from the demo citizens', so a judge never shares a party's name.
const SURNAMES = ['Ахметов', 'Сәрсенов', 'Байжанов', 'Мұқанов', 'Құдайбергенов', 'Ілиясов', 'Бекмұханов', 'Жұмабаев', 'Оспанов', 'Тұрсынов', 'Әлиев', 'Серікбаев', 'Қожахметов'];

function demoName(index: number): { fullName: string; female: boolean } {
  const female = index % 2 === 1;
  const first = (female ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE)[Math.floor(index / 2) % 12]!;
  const surname = SURNAMES[(index * 5) % SURNAMES.length]! + (female ? 'а' : '');
  return { fullName: `${surname} ${first}`, female };
}

function demoIin(index: number, female: boolean): string {
  const year = 60 + (index % 35);
  const month = 1 + (index % 12);
  const day = 1 + ((index * 7) % 28);
  const prefix = `${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return withCheckDigit(prefix, female ? '4' : '3', 9000 + index * 3);
}

/** The BIN of a demo company: registered in May 2011, resident legal entity, head office. */
export const DEMO_COMPANY = { bin: withCheckDigit('110540', '0', 9001), name: 'ТОО «Дала Логистик»' };
export const DEMO_BANK = { bin: withCheckDigit('990340', '0', 9002), name: 'АО «Демо Банк»' };

/** Judges per court code, and which of them chairs the court. */
const BENCH: Record<string, number> = { '7517': 3, '9514': 2, '9511': 1, '9594': 2, '7594': 1, '7599': 3, '9113': 2, '9199': 2, '9011': 2, '9013': 1, '9001': 1 };
const CLERKS = ['7517', '7599', '9594', '9113', '9011'];

export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [
    {
      handle: 'citizen',
      fullName: 'Нұрланова Айгерім Серікқызы',
      iin: withCheckDigit('900315', '4', 9100),
      language: 'kk',
      roles: [],
      phone: '+7 701 000 00 01',
      email: 'aigerim@demo.sot.kz',
    },
    { handle: 'citizen2', fullName: 'Жақсыбеков Ерлан Болатұлы', iin: withCheckDigit('850722', '3', 9110), language: 'ru', roles: [], phone: '+7 701 000 00 02', email: 'erlan@demo.sot.kz' },
    { handle: 'citizen3', fullName: 'Әбенова Дана Маратқызы', iin: withCheckDigit('010203', '6', 9120), language: 'kk', roles: [] },
    { handle: 'citizen4', fullName: 'Сейітов Тимур Ахметұлы', iin: withCheckDigit('781130', '3', 9130), language: 'en', roles: [], email: 'timur@demo.sot.kz' },
    {
      handle: 'company',
      fullName: 'Омарова Әсел Қайратқызы',
      iin: withCheckDigit('920418', '4', 9140),
      language: 'ru',
      roles: [],
      bin: DEMO_COMPANY.bin,
      organisation: DEMO_COMPANY.name,
      organisationRoles: ['first_head'],
      email: 'legal@dala-logistic.demo.sot.kz',
    },
    // Works at the same company without the right to sign: acts for it only by a power of attorney.
    {
      handle: 'company-employee',
      fullName: 'Бекенов Нұрлан Асқарұлы',
      iin: withCheckDigit('960214', '3', 9180),
      language: 'ru',
      roles: [],
      bin: DEMO_COMPANY.bin,
      organisation: DEMO_COMPANY.name,
      organisationRoles: ['employee'],
    },
    {
      handle: 'lawyer',
      fullName: 'Қасымов Ғалым Серікұлы',
      iin: withCheckDigit('750905', '3', 9150),
      language: 'ru',
      roles: [{ role: 'lawyer' }],
      barNumber: 'АЛМ-0421',
      email: 'kassymov@advokat.demo.sot.kz',
    },
    { handle: 'sysadmin', fullName: 'Тоқтаров Дәурен Асхатұлы', iin: withCheckDigit('880101', '3', 9160), language: 'en', roles: [{ role: 'system_admin' }] },
    // A second system administrator: a judge or a chair is seated only when another confirms it.
    { handle: 'sysadmin2', fullName: 'Жүсіпова Сәуле Ерланқызы', iin: withCheckDigit('870214', '4', 9180), language: 'ru', roles: [{ role: 'system_admin' }] },
    { handle: 'court-admin-7517', fullName: 'Есенова Гүлнар Маратқызы', iin: withCheckDigit('830612', '4', 9170), language: 'kk', roles: [{ role: 'court_admin', court: '7517' }] },
  ];
  let index = 0;
  for (const [court, count] of Object.entries(BENCH)) {
    for (let n = 1; n <= count; n++) {
      const { fullName, female } = demoName(index);
      const roles: DemoPerson['roles'] = [{ role: 'judge', court }];
      if (n === 1) roles.push({ role: 'court_chair', court });
      people.push({ handle: `judge-${court}-${n}`, fullName, iin: demoIin(index, female), language: index % 3 === 0 ? 'kk' : 'ru', roles });
      index++;
    }
  }
  for (const court of CLERKS) {
    const { fullName, female } = demoName(index);
    people.push({ handle: `clerk-${court}`, fullName, iin: demoIin(index, female), language: 'kk', roles: [{ role: 'clerk', court }] });
    index++;
  }
  return people;
}
