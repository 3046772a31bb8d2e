import type { Section } from './section.ts';

const en = {
  'ncaRole.first_head': 'First head',
  'ncaRole.signatory': 'Person with the right to sign',
  'ncaRole.financial_signatory': 'Person with the right to sign financial documents',
  'ncaRole.hr': 'Human resources officer',
  'ncaRole.employee': 'Employee',
  'entity.standing.head': 'head of {name}',
  'entity.standing.signatory': 'person with the right to sign for {name}',
  'entity.standing.employee': 'employee of {name} (acts by power of attorney)',
  'entity.demo.head': 'head of a legal entity',
  'entity.demo.signatory': 'person with the right to sign for a legal entity',
  'entity.demo.employee': 'employee of a legal entity',
  'profile.entity': 'Legal entity',
  'profile.entity.roles': 'Role in the certificate',
  'profile.entity.noRole': 'none named',
  'cabinet.entity.head': 'You act for {name} (BIN {bin}) as its first head: your certificate gives you that right.',
  'cabinet.entity.signatory': 'You act for {name} (BIN {bin}) as a person with the right to sign for it: your certificate gives you that right.',
  'cabinet.entity.employee':
    'Your certificate names you an employee of {name} (BIN {bin}). You act for it only by a power of attorney that the court accepts: file as its representative and attach the power of attorney.',
  'filing.parties.asEmployee':
    'You sign as an employee of {name}, not as its head. To file for it, add it as the claimant (a legal entity, BIN {bin}) and attach its power of attorney to you: you will be its representative, and you act in the case once the judge accepts the power of attorney.',
  'filing.missing.powerOfAttorney': 'the power of attorney of the party you represent',
  'error.signerNotEntityHead': 'A filing for a legal entity must be signed with a certificate that names you its first head or a person with the right to sign.',
} as const;

/** Messages about a legal entity's people: their role in the certificate and how they act for it. */
export const entity: Section<typeof en> = {
  en,
  ru: {
    'ncaRole.first_head': 'Первый руководитель',
    'ncaRole.signatory': 'Лицо, наделённое правом подписи',
    'ncaRole.financial_signatory': 'Лицо, наделённое правом подписи финансовых документов',
    'ncaRole.hr': 'Сотрудник отдела кадров',
    'ncaRole.employee': 'Сотрудник',
    'entity.standing.head': 'руководитель {name}',
    'entity.standing.signatory': 'лицо с правом подписи {name}',
    'entity.standing.employee': 'сотрудник {name} (действует по доверенности)',
    'entity.demo.head': 'руководитель юридического лица',
    'entity.demo.signatory': 'лицо с правом подписи юридического лица',
    'entity.demo.employee': 'сотрудник юридического лица',
    'profile.entity': 'Юридическое лицо',
    'profile.entity.roles': 'Роль в сертификате',
    'profile.entity.noRole': 'не указана',
    'cabinet.entity.head': 'Вы действуете от имени {name} (БИН {bin}) как его первый руководитель: это право даёт ваш сертификат.',
    'cabinet.entity.signatory': 'Вы действуете от имени {name} (БИН {bin}) как лицо с правом подписи: это право даёт ваш сертификат.',
    'cabinet.entity.employee':
      'Ваш сертификат называет вас сотрудником {name} (БИН {bin}). Действовать от его имени вы можете только по доверенности, которую примет суд: подайте обращение как его представитель и приложите доверенность.',
    'filing.parties.asEmployee':
      'Вы подписываете как сотрудник {name}, а не как руководитель. Чтобы подать от его имени, добавьте его истцом (юридическое лицо, БИН {bin}) и приложите выданную вам доверенность: вы будете его представителем и сможете действовать в деле, когда судья примет доверенность.',
    'filing.missing.powerOfAttorney': 'доверенность представляемой стороны',
    'error.signerNotEntityHead': 'Обращение от имени юридического лица нужно подписать сертификатом, в котором вы указаны первым руководителем или лицом с правом подписи.',
  },
  kk: {
    'ncaRole.first_head': 'Бірінші басшы',
    'ncaRole.signatory': 'Қол қою құқығы берілген тұлға',
    'ncaRole.financial_signatory': 'Қаржылық құжаттарға қол қою құқығы берілген тұлға',
    'ncaRole.hr': 'Кадр бөлімінің қызметкері',
    'ncaRole.employee': 'Қызметкер',
    'entity.standing.head': '{name} басшысы',
    'entity.standing.signatory': '{name} атынан қол қою құқығы бар тұлға',
    'entity.standing.employee': '{name} қызметкері (сенімхат бойынша әрекет етеді)',
    'entity.demo.head': 'заңды тұлғаның басшысы',
    'entity.demo.signatory': 'заңды тұлғаның атынан қол қою құқығы бар тұлға',
    'entity.demo.employee': 'заңды тұлғаның қызметкері',
    'profile.entity': 'Заңды тұлға',
    'profile.entity.roles': 'Сертификаттағы рөлі',
    'profile.entity.noRole': 'көрсетілмеген',
    'cabinet.entity.head': 'Сіз {name} (БСН {bin}) атынан оның бірінші басшысы ретінде әрекет етесіз: бұл құқықты сертификатыңыз береді.',
    'cabinet.entity.signatory': 'Сіз {name} (БСН {bin}) атынан қол қою құқығы бар тұлға ретінде әрекет етесіз: бұл құқықты сертификатыңыз береді.',
    'cabinet.entity.employee':
      'Сертификатыңыз сізді {name} (БСН {bin}) қызметкері деп атайды. Оның атынан тек сот қабылдаған сенімхат бойынша әрекет ете аласыз: өтінішті оның өкілі ретінде беріп, сенімхатты қоса тіркеңіз.',
    'filing.parties.asEmployee':
      'Сіз басшы ретінде емес, {name} қызметкері ретінде қол қоясыз. Оның атынан беру үшін оны талапкер ретінде қосыңыз (заңды тұлға, БСН {bin}) және сізге берілген сенімхатты тіркеңіз: сіз оның өкілі боласыз және судья сенімхатты қабылдағаннан кейін істе әрекет ете аласыз.',
    'filing.missing.powerOfAttorney': 'өкілдік ететін тараптың сенімхаты',
    'error.signerNotEntityHead': 'Заңды тұлғаның атынан өтінішке сізді бірінші басшы немесе қол қою құқығы бар тұлға деп көрсететін сертификатпен қол қою керек.',
  },
};
