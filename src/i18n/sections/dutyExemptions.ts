import type { Section } from './section.ts';

// What an alimony claim asks, for the state duty: only recovery is exempt (Tax Code 2026, Art. 668(4)).
const en = {
  'dutyExemptions.alimonyClaim': 'What does the alimony claim ask for?',
  'dutyExemptions.alimonyClaim.hint':
    'Only claimants in claims to recover alimony are exempt from the state duty (Tax Code, Art. 668(4)). A claim to reduce alimony or to be released from paying it pays the duty.',
  'dutyExemptions.alimonyClaim.recovery': 'To recover alimony',
  'dutyExemptions.alimonyClaim.other': 'Something else: to reduce alimony, to be released from paying it, or to change how it is paid',
  'filing.missing.alimonyClaim': 'what the alimony claim asks for',
};

export const dutyExemptions: Section<typeof en> = {
  en,
  ru: {
    'dutyExemptions.alimonyClaim': 'Что требуется по иску об алиментах?',
    'dutyExemptions.alimonyClaim.hint':
      'От уплаты государственной пошлины освобождаются только истцы по искам о взыскании алиментов (подпункт 4) статьи 668 Налогового кодекса). Иск об уменьшении размера алиментов или об освобождении от их уплаты оплачивается государственной пошлиной.',
    'dutyExemptions.alimonyClaim.recovery': 'Взыскание алиментов',
    'dutyExemptions.alimonyClaim.other': 'Иное: уменьшение размера алиментов, освобождение от их уплаты или изменение порядка их уплаты',
    'filing.missing.alimonyClaim': 'предмет иска об алиментах',
  },
  kk: {
    'dutyExemptions.alimonyClaim': 'Алимент туралы талап арызда не сұралады?',
    'dutyExemptions.alimonyClaim.hint':
      'Мемлекеттік баж төлеуден тек алимент өндіріп алу туралы талап арыздар бойынша талапкерлер босатылады (Салық кодексінің 668-бабының 4) тармақшасы). Алимент мөлшерін азайту немесе оны төлеуден босату туралы талап арыз үшін мемлекеттік баж төленеді.',
    'dutyExemptions.alimonyClaim.recovery': 'Алимент өндіріп алу',
    'dutyExemptions.alimonyClaim.other': 'Басқа: алимент мөлшерін азайту, оны төлеуден босату немесе оны төлеу тәртібін өзгерту',
    'filing.missing.alimonyClaim': 'алимент туралы талаптың мәні',
  },
};
