import type { Section } from './section.ts';

/**
 * What a person is told when their EDS key is the wrong one of their two, or when the status of
 * their certificate cannot be established. NCA names the key files AUTH_RSA256_… (authentication)
 * and RSA256_… (signing); GOST keys are AUTH_GOST… and GOSTKNCA_….
 */
const en = {
  'error.keyUsageMissing': 'This certificate does not say what its key may be used for, so Sot cannot accept it. Use a key issued by the National Certification Authority.',
  'error.signingKeyAtSignIn': 'This is your signing key (RSA or GOST). To sign in, choose your authentication key (AUTH_RSA or AUTH_GOST).',
  'error.authenticationKeyForDocument': 'This is your authentication key (AUTH_RSA or AUTH_GOST). To sign a document, choose your signing key (RSA or GOST).',
  'error.certificateStatusUnknown': 'Whether your EDS certificate has been revoked cannot be confirmed right now, so the signature is not accepted. Try again in a few minutes; if it happens again, call the help line.',
  'error.verifierCertificateMismatch': 'The signature could not be confirmed: the verification service checked a different certificate. Try again; if it happens again, call the help line.',
};

export const eds: Section<typeof en> = {
  en,
  ru: {
    'error.keyUsageMissing': 'В сертификате не указано, для чего предназначен ключ, поэтому Sot не может его принять. Используйте ключ, выданный Национальным удостоверяющим центром.',
    'error.signingKeyAtSignIn': 'Это ваш ключ для подписи (RSA или GOST). Для входа выберите ключ для аутентификации (AUTH_RSA или AUTH_GOST).',
    'error.authenticationKeyForDocument': 'Это ваш ключ для аутентификации (AUTH_RSA или AUTH_GOST). Чтобы подписать документ, выберите ключ для подписи (RSA или GOST).',
    'error.certificateStatusUnknown': 'Сейчас невозможно подтвердить, не отозван ли ваш сертификат ЭЦП, поэтому подпись не принята. Попробуйте через несколько минут; если это повторится, позвоните на линию поддержки.',
    'error.verifierCertificateMismatch': 'Подпись не удалось подтвердить: сервис проверки проверил другой сертификат. Попробуйте ещё раз; если это повторится, позвоните на линию поддержки.',
  },
  kk: {
    'error.keyUsageMissing': 'Сертификатта кілттің не үшін арналғаны көрсетілмеген, сондықтан Sot оны қабылдай алмайды. Ұлттық куәландырушы орталық берген кілтті пайдаланыңыз.',
    'error.signingKeyAtSignIn': 'Бұл — қол қоюға арналған кілтіңіз (RSA немесе GOST). Кіру үшін аутентификация кілтін (AUTH_RSA немесе AUTH_GOST) таңдаңыз.',
    'error.authenticationKeyForDocument': 'Бұл — аутентификация кілтіңіз (AUTH_RSA немесе AUTH_GOST). Құжатқа қол қою үшін қол қоюға арналған кілтті (RSA немесе GOST) таңдаңыз.',
    'error.certificateStatusUnknown': 'ЭЦҚ сертификатыңыздың кері қайтарылмағанын қазір растау мүмкін емес, сондықтан қолтаңба қабылданбады. Бірнеше минуттан кейін қайталап көріңіз; қайталанса, қолдау желісіне қоңырау шалыңыз.',
    'error.verifierCertificateMismatch': 'Қолтаңбаны растау мүмкін болмады: тексеру қызметі басқа сертификатты тексерген. Қайталап көріңіз; қайталанса, қолдау желісіне қоңырау шалыңыз.',
  },
};
