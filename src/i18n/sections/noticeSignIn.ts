import type { Section } from './section.ts';

// The sign-in page reached from a link in an SMS or e-mail notice says why it asks: the link
// proves only where it leads, so the reason names the kind of page, never the case.
const en = {
  'login.fromNotice.title': 'You followed a link from a court notice',
  'login.fromNotice.document':
    'It leads to a court document in your case. Sign in with your EDS to read it: only the participants in the case and the representatives the court has accepted can open it.',
  'login.fromNotice.case':
    'It leads to your case in the Court Cabinet. Sign in with your EDS to see what the notice is about: only the participants in the case and the representatives the court has accepted can open it.',
  'login.fromNotice.filing': 'It leads to a filing you made. Sign in with your EDS to see it.',
};

export const noticeSignIn: Section<typeof en> = {
  en,
  ru: {
    'login.fromNotice.title': 'Вы перешли по ссылке из судебного извещения',
    'login.fromNotice.document':
      'Она ведёт к судебному документу по вашему делу. Чтобы его прочитать, войдите с помощью ЭЦП: документ доступен только участникам дела и представителям, допущенным судом.',
    'login.fromNotice.case':
      'Она ведёт к вашему делу в Судебном кабинете. Чтобы узнать, о чём извещение, войдите с помощью ЭЦП: дело доступно только его участникам и представителям, допущенным судом.',
    'login.fromNotice.filing': 'Она ведёт к поданному вами обращению. Чтобы его увидеть, войдите с помощью ЭЦП.',
  },
  kk: {
    'login.fromNotice.title': 'Сіз сот хабарламасындағы сілтеме арқылы өттіңіз',
    'login.fromNotice.document':
      'Ол сіздің іс бойынша сот құжатына апарады. Оны оқу үшін ЭЦҚ арқылы кіріңіз: құжатты тек іске қатысушылар мен сот жіберген өкілдер ғана аша алады.',
    'login.fromNotice.case':
      'Ол Сот кабинетіндегі сіздің ісіңізге апарады. Хабарламаның не туралы екенін білу үшін ЭЦҚ арқылы кіріңіз: істі тек оған қатысушылар мен сот жіберген өкілдер ғана аша алады.',
    'login.fromNotice.filing': 'Ол сіз берген өтінішке апарады. Оны көру үшін ЭЦҚ арқылы кіріңіз.',
  },
};
