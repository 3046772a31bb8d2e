import type { CaseKind } from '../domain/caseKinds.ts';
import type { CourtLevel, CourtType } from '../domain/courtLevels.ts';

/**
 * A representative subset of Kazakhstan's courts for the demo: every level, the appeal and
 * cassation routes between them, and the specialised courts of the big cities. The courts and
 * their names are real; contact details are left out.
 *
 * Court codes start every case number, so a demo code that belongs to another real court would
 * print numbers that look like that court's cases. Codes are real only where they are known:
 * 7517 (Medeu District Court of Almaty) and 7599 (Almaty City Court), and 7594, which public
 * listings give to the Almaty administrative court (unofficial). Every other code here is the
 * demo's own and lies in 9000–9999: as far as published numbers show, a real code begins with
 * the two-digit code of its region (75 Almaty; the regions' codes run from 10 to 79) or with 60
 * on cassation numbers (6003-25-00-4к/…), so no real court prints a number beginning with 9.
 */
export interface RegionSeed {
  code: string;
  names: [kk: string, ru: string, en: string];
  sortOrder: number;
}

export interface CourtSeed {
  code: string;
  level: CourtLevel;
  type: CourtType;
  region: string;
  /** Code of the court hearing appeals; cassation is routed by kind of proceedings. */
  parent?: string;
  kinds: CaseKind[];
  names: [kk: string, ru: string, en: string];
  city: [kk: string, ru: string, en: string];
}

export const DEMO_REGIONS: RegionSeed[] = [
  { code: 'republic', names: ['Республикалық соттар', 'Республиканские суды', 'Nationwide courts'], sortOrder: 0 },
  { code: 'astana', names: ['Астана қаласы', 'Город Астана', 'Astana'], sortOrder: 1 },
  { code: 'almaty', names: ['Алматы қаласы', 'Город Алматы', 'Almaty'], sortOrder: 2 },
  { code: 'shymkent', names: ['Шымкент қаласы', 'Город Шымкент', 'Shymkent'], sortOrder: 3 },
  { code: 'karaganda', names: ['Қарағанды облысы', 'Карагандинская область', 'Karaganda Region'], sortOrder: 4 },
];

const ASTANA: CourtSeed['city'] = ['Астана қ.', 'г. Астана', 'Astana'];
const ALMATY: CourtSeed['city'] = ['Алматы қ.', 'г. Алматы', 'Almaty'];
const SHYMKENT: CourtSeed['city'] = ['Шымкент қ.', 'г. Шымкент', 'Shymkent'];
const KARAGANDA: CourtSeed['city'] = ['Қарағанды қ.', 'г. Караганда', 'Karaganda'];

const ALL_KINDS: CaseKind[] = ['civil', 'administrative', 'criminal', 'administrative_offence'];
const GENERAL_KINDS: CaseKind[] = ['civil', 'criminal', 'administrative_offence'];

export const DEMO_COURTS: CourtSeed[] = [
  {
    code: '9001',
    level: 4,
    type: 'supreme',
    region: 'republic',
    kinds: ALL_KINDS,
    names: ['Қазақстан Республикасының Жоғарғы Соты', 'Верховный Суд Республики Казахстан', 'Supreme Court of the Republic of Kazakhstan'],
    city: ASTANA,
  },
  {
    code: '9011',
    level: 3,
    type: 'cassation',
    region: 'republic',
    parent: '9001',
    kinds: ['civil'],
    names: ['Азаматтық істер жөніндегі кассациялық сот', 'Кассационный суд по гражданским делам', 'Cassation Court for Civil Cases'],
    city: ASTANA,
  },
  {
    code: '9012',
    level: 3,
    type: 'cassation',
    region: 'republic',
    parent: '9001',
    kinds: ['criminal', 'administrative_offence'],
    names: ['Қылмыстық істер жөніндегі кассациялық сот', 'Кассационный суд по уголовным делам', 'Cassation Court for Criminal Cases'],
    city: ASTANA,
  },
  {
    code: '9013',
    level: 3,
    type: 'cassation',
    region: 'republic',
    parent: '9001',
    kinds: ['administrative'],
    names: ['Әкімшілік істер жөніндегі кассациялық сот', 'Кассационный суд по административным делам', 'Cassation Court for Administrative Cases'],
    city: ASTANA,
  },
  // Astana
  {
    code: '9199',
    level: 2,
    type: 'regional',
    region: 'astana',
    kinds: ALL_KINDS,
    names: ['Астана қалалық соты', 'Астанинский городской суд', 'Astana City Court'],
    city: ASTANA,
  },
  {
    code: '9113',
    level: 1,
    type: 'district',
    region: 'astana',
    parent: '9199',
    kinds: GENERAL_KINDS,
    names: ['Астана қаласы Есіл аудандық соты', 'Есильский районный суд города Астаны', 'Yesil District Court of Astana'],
    city: ASTANA,
  },
  {
    code: '9114',
    level: 1,
    type: 'district',
    region: 'astana',
    parent: '9199',
    kinds: GENERAL_KINDS,
    names: ['Астана қаласы Сарыарқа аудандық соты', 'Сарыаркинский районный суд города Астаны', 'Saryarka District Court of Astana'],
    city: ASTANA,
  },
  {
    code: '9194',
    level: 1,
    type: 'specialised_economic',
    region: 'astana',
    parent: '9199',
    kinds: ['civil'],
    names: [
      'Астана қаласының мамандандырылған ауданаралық экономикалық соты',
      'Специализированный межрайонный экономический суд города Астаны',
      'Specialised Inter-district Economic Court of Astana',
    ],
    city: ASTANA,
  },
  {
    code: '9195',
    level: 1,
    type: 'specialised_administrative',
    region: 'astana',
    parent: '9199',
    kinds: ['administrative'],
    names: [
      'Астана қаласының мамандандырылған ауданаралық әкімшілік соты',
      'Специализированный межрайонный административный суд города Астаны',
      'Specialised Inter-district Administrative Court of Astana',
    ],
    city: ASTANA,
  },
  // Almaty
  {
    code: '7599',
    level: 2,
    type: 'regional',
    region: 'almaty',
    kinds: ALL_KINDS,
    names: ['Алматы қалалық соты', 'Алматинский городской суд', 'Almaty City Court'],
    city: ALMATY,
  },
  {
    code: '7517',
    level: 1,
    type: 'district',
    region: 'almaty',
    parent: '7599',
    kinds: GENERAL_KINDS,
    names: ['Алматы қаласы Медеу аудандық соты', 'Медеуский районный суд города Алматы', 'Medeu District Court of Almaty'],
    city: ALMATY,
  },
  {
    code: '9514',
    level: 1,
    type: 'district',
    region: 'almaty',
    parent: '7599',
    kinds: GENERAL_KINDS,
    names: ['Алматы қаласы Бостандық аудандық соты', 'Бостандыкский районный суд города Алматы', 'Bostandyk District Court of Almaty'],
    city: ALMATY,
  },
  {
    code: '9511',
    level: 1,
    type: 'district',
    region: 'almaty',
    parent: '7599',
    kinds: GENERAL_KINDS,
    names: ['Алматы қаласы Алмалы аудандық соты', 'Алмалинский районный суд города Алматы', 'Almaly District Court of Almaty'],
    city: ALMATY,
  },
  {
    code: '9594',
    level: 1,
    type: 'specialised_economic',
    region: 'almaty',
    parent: '7599',
    kinds: ['civil'],
    names: [
      'Алматы қаласының мамандандырылған ауданаралық экономикалық соты',
      'Специализированный межрайонный экономический суд города Алматы',
      'Specialised Inter-district Economic Court of Almaty',
    ],
    city: ALMATY,
  },
  {
    code: '7594',
    level: 1,
    type: 'specialised_administrative',
    region: 'almaty',
    parent: '7599',
    kinds: ['administrative'],
    names: [
      'Алматы қаласының мамандандырылған ауданаралық әкімшілік соты',
      'Специализированный межрайонный административный суд города Алматы',
      'Specialised Inter-district Administrative Court of Almaty',
    ],
    city: ALMATY,
  },
  // Shymkent
  {
    code: '9799',
    level: 2,
    type: 'regional',
    region: 'shymkent',
    kinds: ALL_KINDS,
    names: ['Шымкент қалалық соты', 'Шымкентский городской суд', 'Shymkent City Court'],
    city: SHYMKENT,
  },
  {
    code: '9711',
    level: 1,
    type: 'district',
    region: 'shymkent',
    parent: '9799',
    kinds: GENERAL_KINDS,
    names: ['Шымкент қаласы Абай аудандық соты', 'Абайский районный суд города Шымкента', 'Abay District Court of Shymkent'],
    city: SHYMKENT,
  },
  // Karaganda Region
  {
    code: '9399',
    level: 2,
    type: 'regional',
    region: 'karaganda',
    kinds: ALL_KINDS,
    names: ['Қарағанды облыстық соты', 'Карагандинский областной суд', 'Karaganda Regional Court'],
    city: KARAGANDA,
  },
  {
    code: '9394',
    level: 1,
    type: 'specialised_economic',
    region: 'karaganda',
    parent: '9399',
    kinds: ['civil'],
    names: [
      'Қарағанды облысының мамандандырылған ауданаралық экономикалық соты',
      'Специализированный межрайонный экономический суд Карагандинской области',
      'Specialised Inter-district Economic Court of Karaganda Region',
    ],
    city: KARAGANDA,
  },
];
