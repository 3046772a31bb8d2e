import type { Section } from './section.ts';

// The appeal term of a party absent from the hearing (CPC Art. 403(3)).
const en = {
  'appealTerms.attendance.legend': 'For a decision: who took part in the hearing',
  'appealTerms.attendance.hint':
    'Untick a party who did not take part in the hearing at which the decision was made. Their month to appeal runs from the day a copy of the decision is sent to them (CPC Art. 403(3)): at once if they use Sot, otherwise from the day the court office records posting a paper copy.',
  'appealTerms.attendance.absent': 'Did not take part in the hearing: {names}',

  'appealTerms.copies.title': 'Copies of the decision to parties absent from the hearing',
  'appealTerms.copies.lead':
    'These parties do not use Sot: post them a copy of the decision within 3 working days (CPC Art. 234) and record the day it was sent. Their month to appeal runs from that day (CPC Art. 403(3)).',
  'appealTerms.copies.party': '{name}: the copy is due by {due}',
  'appealTerms.copies.day': 'Day the copy was sent to {name}',
  'appealTerms.copies.submit': 'Record the copy as sent',
  'appealTerms.copies.done': "The copy is recorded as sent: the party's month to appeal runs from that day.",
  'appealTerms.copies.none': 'No copy of a decision is waiting to be sent.',
  'appealTerms.copies.back': 'Back to the case',
  'appealTerms.copies.link': 'Copies of the decision to parties absent from the hearing',

  'appealTerms.deadlines.ofParty': 'For {name} only',
  'appealTerms.deadlines.own': 'Your own term: you did not take part in the hearing, so it runs from the day the copy of the decision was sent to you.',
  'appealTerms.timeline.copySent': 'Copy of the decision sent to a party absent from the hearing',

  'appealTerms.error.partyUnknown': 'Choose the parties who took part in the hearing from the list.',
  'appealTerms.error.copyNotAwaited': 'No copy of the decision is waiting to be sent to this party: it has been recorded already, or they took part in the hearing.',
  'appealTerms.error.copyDayInvalid': 'Enter the day the copy was sent as YYYY-MM-DD: not before the decision and not later than today.',
};

export const appealTerms: Section<typeof en> = {
  en,
  ru: {
    'appealTerms.attendance.legend': 'Для решения: лица, участвовавшие в судебном заседании',
    'appealTerms.attendance.hint':
      'Снимите отметку с лица, не участвовавшего в судебном заседании, в котором вынесено решение. Месячный срок апелляционного обжалования для него исчисляется со дня направления ему копии решения (часть третья статьи 403 ГПК): сразу, если лицо пользуется Sot, иначе — со дня отправки бумажной копии, который отметит канцелярия суда.',
    'appealTerms.attendance.absent': 'Не участвовали в судебном заседании: {names}',

    'appealTerms.copies.title': 'Копии решения лицам, не участвовавшим в судебном заседании',
    'appealTerms.copies.lead':
      'Эти лица не пользуются Sot: направьте им копию решения в течение трех рабочих дней (статья 234 ГПК) и отметьте день отправки. Месячный срок апелляционного обжалования для них исчисляется с этого дня (часть третья статьи 403 ГПК).',
    'appealTerms.copies.party': '{name}: копию необходимо направить не позднее {due}',
    'appealTerms.copies.day': 'Дата направления копии: {name}',
    'appealTerms.copies.submit': 'Отметить направление копии',
    'appealTerms.copies.done': 'Направление копии отмечено: месячный срок апелляционного обжалования для лица исчисляется с этого дня.',
    'appealTerms.copies.none': 'Копии решений, ожидающие направления, отсутствуют.',
    'appealTerms.copies.back': 'Вернуться к делу',
    'appealTerms.copies.link': 'Копии решения лицам, не участвовавшим в судебном заседании',

    'appealTerms.deadlines.ofParty': 'Только для: {name}',
    'appealTerms.deadlines.own': 'Ваш собственный срок: вы не участвовали в судебном заседании, поэтому он исчисляется со дня направления вам копии решения.',
    'appealTerms.timeline.copySent': 'Копия решения направлена лицу, не участвовавшему в судебном заседании',

    'appealTerms.error.partyUnknown': 'Выберите из списка лиц, участвовавших в судебном заседании.',
    'appealTerms.error.copyNotAwaited': 'Копия решения этому лицу не ожидает направления: направление уже отмечено либо лицо участвовало в судебном заседании.',
    'appealTerms.error.copyDayInvalid': 'Укажите дату направления копии в виде ГГГГ-ММ-ДД: не ранее дня вынесения решения и не позднее сегодняшнего дня.',
  },
  kk: {
    'appealTerms.attendance.legend': 'Шешім үшін: сот отырысына қатысқан тұлғалар',
    'appealTerms.attendance.hint':
      'Шешім шығарылған сот отырысына қатыспаған тұлғаның белгісін алып тастаңыз. Ол үшін апелляциялық шағым берудің бір айлық мерзімі оған шешімнің көшірмесі жіберілген күннен бастап есептеледі (АПК 403-бабының үшінші бөлігі): тұлға Sot-ты пайдаланса — бірден, әйтпесе сот кеңсесі белгілеген қағаз көшірменің жіберілген күнінен бастап.',
    'appealTerms.attendance.absent': 'Сот отырысына қатыспағандар: {names}',

    'appealTerms.copies.title': 'Сот отырысына қатыспаған тұлғаларға шешімнің көшірмелері',
    'appealTerms.copies.lead':
      'Бұл тұлғалар Sot-ты пайдаланбайды: оларға шешімнің көшірмесін үш жұмыс күні ішінде жіберіңіз (АПК 234-бабы) және жіберілген күнін белгілеңіз. Олар үшін апелляциялық шағым берудің бір айлық мерзімі осы күннен бастап есептеледі (АПК 403-бабының үшінші бөлігі).',
    'appealTerms.copies.party': '{name}: көшірме {due} кешіктірілмей жіберілуі тиіс',
    'appealTerms.copies.day': 'Көшірменің жіберілген күні: {name}',
    'appealTerms.copies.submit': 'Көшірменің жіберілгенін белгілеу',
    'appealTerms.copies.done': 'Көшірменің жіберілгені белгіленді: тұлға үшін апелляциялық шағым берудің бір айлық мерзімі осы күннен бастап есептеледі.',
    'appealTerms.copies.none': 'Жіберілуін күтіп тұрған шешім көшірмелері жоқ.',
    'appealTerms.copies.back': 'Іске оралу',
    'appealTerms.copies.link': 'Сот отырысына қатыспаған тұлғаларға шешімнің көшірмелері',

    'appealTerms.deadlines.ofParty': 'Тек: {name}',
    'appealTerms.deadlines.own': 'Сіздің жеке мерзіміңіз: сіз сот отырысына қатыспағандықтан, ол сізге шешімнің көшірмесі жіберілген күннен бастап есептеледі.',
    'appealTerms.timeline.copySent': 'Шешімнің көшірмесі сот отырысына қатыспаған тұлғаға жіберілді',

    'appealTerms.error.partyUnknown': 'Сот отырысына қатысқан тұлғаларды тізімнен таңдаңыз.',
    'appealTerms.error.copyNotAwaited': 'Бұл тұлғаға шешімнің көшірмесі жіберілуді күтпейді: жіберу бұрын белгіленген немесе тұлға сот отырысына қатысқан.',
    'appealTerms.error.copyDayInvalid': 'Көшірменің жіберілген күнін ЖЖЖЖ-АА-КК түрінде көрсетіңіз: шешім шығарылған күннен ерте емес және бүгінгі күннен кеш емес.',
  },
};
