import { MARKERS } from '../domain/depersonalise/index.ts';
import { generateJudgmentText, prng } from './judgmentCorpus.ts';

/**
 * A published judgment's text for the bench's bank: the corpus's act in Russian or Kazakh,
 * depersonalised as the bank publishes it, with what the dispute was about.
 *
 * Depersonalised from the corpus's own record of what it planted where (each identifier becomes
 * its marker, each name its initials, as `depersonalise` writes them): the result is the published
 * form, at a few microseconds a text rather than the rules' 2.5 ms, so a million can be made in
 * minutes. The dispute's paragraph gives the bank the spread of words real acts have: some subjects
 * in a quarter of the acts, some in one in a thousand or one in twenty thousand, so a search for a
 * common word and one for a rare word both have something to find.
 */
export type BankLanguage = 'ru' | 'kk';

interface Subject {
  /** Acts in a thousand about this. */
  perMille: number;
  ru: string;
  kk: string;
}

export const BANK_SUBJECTS: readonly Subject[] = [
  {
    perMille: 250,
    ru: 'Между сторонами заключён договор займа, по которому заёмщик получил денежные средства и обязался вернуть их в срок. Сумма займа не возвращена, на неё начислено вознаграждение. ',
    kk: 'Тараптар арасында қарыз шарты жасалды, оған сәйкес қарыз алушы ақша алып, оны мерзімінде қайтаруға міндеттенді. Қарыз сомасы қайтарылмады, оған сыйақы есептелді. ',
  },
  {
    perMille: 120,
    ru: 'Ответчик арендовал нежилое помещение по договору аренды и не вносил арендную плату, в связи с чем образовалась задолженность. ',
    kk: 'Жауапкер тұрғын емес үй-жайды жалдау шарты бойынша жалға алып, жалдау ақысын төлемеді, соның салдарынан берешек пайда болды. ',
  },
  {
    perMille: 100,
    ru: 'Истец был уволен с работы по инициативе работодателя и просит восстановить его на работе и взыскать средний заработок за время вынужденного прогула. ',
    kk: 'Талапкер жұмыс берушінің бастамасымен жұмыстан шығарылды және оны жұмысқа қайта алуды, мәжбүрлі жұмыстан тыс уақыт үшін орташа жалақыны өндіруді сұрайды. ',
  },
  {
    perMille: 80,
    ru: 'Стороны состояли в браке, от которого имеют несовершеннолетнего ребёнка; истец просит взыскать алименты на содержание ребёнка. ',
    kk: 'Тараптар некеде тұрған, олардың кәмелетке толмаған баласы бар; талапкер баланы асырауға алимент өндіруді сұрайды. ',
  },
  {
    perMille: 70,
    ru: 'В результате дорожно-транспортного происшествия автомобилю истца причинены повреждения; стоимость восстановительного ремонта определена оценщиком. ',
    kk: 'Жол-көлік оқиғасы салдарынан талапкердің көлігі зақымданды; қалпына келтіру жөндеуінің құнын бағалаушы анықтады. ',
  },
  {
    perMille: 70,
    ru: 'Банк предоставил заёмщику кредит, однако платежи по графику погашения вносились с просрочкой; банк начислил неустойку. ',
    kk: 'Банк қарыз алушыға несие берді, алайда өтеу кестесі бойынша төлемдер мерзімі өткізіліп енгізілді; банк тұрақсыздық айыбын есептеді. ',
  },
  {
    perMille: 60,
    ru: 'Истец приобрёл товар ненадлежащего качества, продавец отказал в возврате уплаченной суммы, что нарушает закон о защите прав потребителей. ',
    kk: 'Талапкер сапасы тиісті емес тауар сатып алды, сатушы төленген соманы қайтарудан бас тартты, бұл тұтынушылардың құқықтарын қорғау туралы заңды бұзады. ',
  },
  {
    perMille: 60,
    ru: 'Ответчик не оплачивал коммунальные услуги: теплоснабжение, водоснабжение и вывоз мусора. ',
    kk: 'Жауапкер коммуналдық қызметтерге: жылумен жабдықтауға, сумен жабдықтауға және қоқыс шығаруға ақы төлемеді. ',
  },
  {
    perMille: 50,
    ru: 'После расторжения брака стороны не достигли соглашения о разделе совместно нажитого имущества: квартиры и земельного участка. ',
    kk: 'Неке бұзылғаннан кейін тараптар ортақ мүлікті: пәтер мен жер учаскесін бөлу туралы келісімге келмеді. ',
  },
  {
    perMille: 40,
    ru: 'После смерти наследодателя открылось наследство; истец пропустил срок для его принятия по уважительной причине. ',
    kk: 'Мұра қалдырушы қайтыс болғаннан кейін мұра ашылды; талапкер оны қабылдау мерзімін дәлелді себеппен өткізіп алды. ',
  },
  {
    perMille: 40,
    ru: 'Страховая компания отказала в страховой выплате, сославшись на то, что случай не является страховым. ',
    kk: 'Сақтандыру компаниясы оқиға сақтандыру жағдайы болып табылмайды деп, сақтандыру төлемінен бас тартты. ',
  },
  {
    perMille: 30,
    ru: 'По договору строительного подряда подрядчик обязался возвести склад, однако работы выполнены с недостатками и с нарушением сроков. ',
    kk: 'Құрылыс мердігерлігі шарты бойынша мердігер қойма салуға міндеттенді, алайда жұмыстар кемшіліктермен және мерзімі бұзылып орындалды. ',
  },
  {
    perMille: 20,
    ru: 'Спор возник о границах земельного участка, предоставленного для ведения крестьянского хозяйства; ответчик возвёл забор на участке истца. ',
    kk: 'Шаруа қожалығын жүргізу үшін берілген жер учаскесінің шекаралары туралы дау туындады; жауапкер талапкердің учаскесіне қоршау салды. ',
  },
  {
    perMille: 3,
    ru: 'Ответчик без согласия автора использовал фотографические произведения на своём сайте, нарушив исключительные авторские права истца. ',
    kk: 'Жауапкер автордың келісімінсіз фотографиялық туындыларды өз сайтында пайдаланып, талапкердің айрықша авторлық құқықтарын бұзды. ',
  },
  {
    perMille: 0.5,
    ru: 'Груз, перевозимый речным судном по договору фрахтования, был повреждён при перевалке в порту. ',
    kk: 'Фрахттау шарты бойынша өзен кемесімен тасымалданған жүк портта қайта тиеу кезінде бүлінді. ',
  },
  {
    perMille: 0.05,
    ru: 'Пасека ответчика размещена вблизи жилых домов, пчёлы причинили вред здоровью истца. ',
    kk: 'Жауапкердің омартасы тұрғын үйлерге жақын орналасқан, аралар талапкердің денсаулығына зиян келтірді. ',
  },
];

/** Words the bench searches for: in most acts of their language, and in about one in a thousand or fewer. */
export const BENCH_TERMS: Record<BankLanguage, { common: string[]; rare: string[] }> = {
  ru: { common: ['истец', 'договор', 'суд решил', 'взыскании', 'ответчик'], rare: ['фотографические произведения', 'авторские права', 'фрахтования', 'пасека', 'перевалке'] },
  kk: { common: ['талапкер', 'сот шешті', 'жауапкер', 'шарт', 'талапты'], rare: ['фотографиялық', 'авторлық құқықтарын', 'фрахттау', 'омартасы', 'аралар'] },
};

function subjectOf(seed: number): Subject | null {
  let roll = prng(seed ^ 0x5bd1e995)() * 1000;
  for (const subject of BANK_SUBJECTS) {
    if (roll < subject.perMille) return subject;
    roll -= subject.perMille;
  }
  return null;
}

const initialsOf = (name: string) =>
  (name.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).map((word) => `${[...word][0]}.`).join('');

export function benchJudgmentText(seed: number, lang: BankLanguage): string {
  const act = generateJudgmentText(seed, lang);
  let text = act.text;
  // From the end, so each planted value's start still holds when it is replaced.
  for (const planted of [...act.planted].sort((a, b) => b.start - a.start)) {
    let end = planted.start + planted.value.length;
    let replacement: string;
    if (planted.kind === 'person_name') {
      replacement = initialsOf(planted.value);
      // A name ending in an initial keeps one dot, as the rules write it.
      if (planted.value.endsWith('.')) end = planted.start + planted.value.length;
      else if (text[end] === '.') end += 1;
    } else {
      replacement = MARKERS[lang][planted.kind];
    }
    text = text.slice(0, planted.start) + replacement + text.slice(end);
  }
  const subject = subjectOf(seed);
  if (!subject) return text;
  // After the claim, where an act sets out what happened.
  const at = text.indexOf('\n\n', text.indexOf('\n\n') + 2) + 2;
  return `${text.slice(0, at)}${subject[lang]}${text.slice(at)}`;
}
