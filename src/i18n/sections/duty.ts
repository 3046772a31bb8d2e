import type { Section } from './section.ts';

// Rule descriptions name what is charged, not how much: amounts come from the rate rows, so a
// change in the law never leaves a stale number in the catalogue.
const en = {
  'duty.rule.property_individual': 'Property claim of an individual',
  'duty.rule.property_legal': 'Property claim of a legal entity',
  'duty.rule.non_property': 'Claim of a non-property nature or not subject to valuation',
  'duty.rule.divorce': 'Claim for dissolution of marriage',
  'duty.rule.special_proceedings': 'Application in special claim proceedings or special proceedings',
  'duty.rule.administrative_claim': 'Administrative claim in a public-law dispute',
  'duty.rule.state_body_complaint_individual': "Complaint against acts or inaction of a state body or official concerning an individual's rights",
  'duty.rule.state_body_complaint_legal': "Complaint against acts or inaction of a state body or official concerning a legal entity's rights",
  'duty.rule.court_order': 'Application for a court order',
  'duty.rule.appeal': 'Appeal: no state duty is charged',
  'duty.rule.cassation': 'Cassation complaint',
  'duty.rule.procedural_application': 'Petition, response, private complaint, remarks on the hearing record or objection to a court order: no state duty is charged',

  'duty.exemption.labour': 'Claims for pay and other claims arising from labour relations',
  'duty.exemption.alimony': 'Claims to recover alimony',
  'duty.exemption.harm_to_health': 'Claims for compensation of harm caused by injury or other damage to health, or by the death of a breadwinner',
  'duty.exemption.criminal_damage': 'Claims for compensation of damage caused by a criminal offence',
  'duty.exemption.copyright_author': 'Authors, in claims arising from copyright',
  'duty.exemption.rehabilitation': 'Claims for compensation of harm caused by unlawful criminal prosecution (rehabilitation)',
  'duty.exemption.veteran': 'Veterans of the Great Patriotic War and combat veterans',
  'duty.exemption.disability': 'Persons with disabilities and one of the parents of a child with a disability',
  'duty.exemption.prosecutor_state_body': 'Prosecutors and state bodies, in claims in the interests of the state or of other persons',

  'error.dutyAmountRequired': 'Enter the claim value: the state duty on a property claim is a percentage of it.',
  'error.dutyAmountInvalid': 'Enter the claim value in tenge as a positive number with at most two decimals, for example 1500000.50.',
  'error.dutyCategoryNotAllowed': 'This document is not filed in cases of this category, so no state duty can be calculated for it.',
  'error.dutyDateOutOfRange': 'The state duty cannot be calculated for this payment date: the rates for it are not known.',
  'error.dutyMciMissing':
    'The state duty for a payment in {year} cannot be calculated yet: the monthly calculation index for {year} has not been entered in Sot. Your draft is kept. Come back once it is published, or, if you have already paid, attach the receipt and the court office will check the amount.',
} as const;

/** Messages of the duty pages and errors. */
export const duty: Section<typeof en> = {
  en,
  ru: {
    'duty.rule.property_individual': 'Исковое заявление имущественного характера физического лица',
    'duty.rule.property_legal': 'Исковое заявление имущественного характера юридического лица',
    'duty.rule.non_property': 'Исковое заявление неимущественного характера или не подлежащее оценке',
    'duty.rule.divorce': 'Исковое заявление о расторжении брака',
    'duty.rule.special_proceedings': 'Заявление по делу особого искового или особого производства',
    'duty.rule.administrative_claim': 'Административный иск по публично-правовому спору',
    'duty.rule.state_body_complaint_individual': 'Жалоба на действия (бездействие) государственного органа или должностного лица, затрагивающие права физического лица',
    'duty.rule.state_body_complaint_legal': 'Жалоба на действия (бездействие) государственного органа или должностного лица, затрагивающие права юридического лица',
    'duty.rule.court_order': 'Заявление о вынесении судебного приказа',
    'duty.rule.appeal': 'Апелляционная жалоба: государственная пошлина не взимается',
    'duty.rule.cassation': 'Кассационная жалоба',
    'duty.rule.procedural_application': 'Ходатайство, отзыв, частная жалоба, замечания на протокол судебного заседания или возражение против судебного приказа: государственная пошлина не взимается',

    'duty.exemption.labour': 'Иски о взыскании заработной платы и иные требования, вытекающие из трудовых правоотношений',
    'duty.exemption.alimony': 'Иски о взыскании алиментов',
    'duty.exemption.harm_to_health': 'Иски о возмещении вреда, причиненного увечьем или иным повреждением здоровья, а также смертью кормильца',
    'duty.exemption.criminal_damage': 'Иски о возмещении ущерба, причиненного уголовным правонарушением',
    'duty.exemption.copyright_author': 'Авторы — по искам, вытекающим из авторского права',
    'duty.exemption.rehabilitation': 'Иски о возмещении вреда, причиненного незаконным уголовным преследованием (реабилитация)',
    'duty.exemption.veteran': 'Ветераны Великой Отечественной войны и ветераны боевых действий',
    'duty.exemption.disability': 'Лица с инвалидностью и один из родителей ребенка с инвалидностью',
    'duty.exemption.prosecutor_state_body': 'Прокурор и государственные органы — по искам в интересах государства или других лиц',

    'error.dutyAmountRequired': 'Укажите цену иска: государственная пошлина по иску имущественного характера исчисляется в процентах от нее.',
    'error.dutyAmountInvalid': 'Укажите цену иска в тенге положительным числом, не более двух знаков после точки, например 1500000.50.',
    'error.dutyCategoryNotAllowed': 'Такой документ не подается по делам этой категории, поэтому государственная пошлина по нему не рассчитывается.',
    'error.dutyDateOutOfRange': 'Государственную пошлину нельзя рассчитать на эту дату оплаты: ставки на нее неизвестны.',
    'error.dutyMciMissing':
      'Государственную пошлину при оплате в {year} году пока нельзя рассчитать: месячный расчетный показатель на {year} год еще не внесен в Sot. Черновик сохранен. Вернитесь, когда МРП будет опубликован, или, если вы уже оплатили, приложите квитанцию — канцелярия суда проверит сумму.',
  },
  kk: {
    'duty.rule.property_individual': 'Жеке тұлғаның мүліктік сипаттағы талап арызы',
    'duty.rule.property_legal': 'Заңды тұлғаның мүліктік сипаттағы талап арызы',
    'duty.rule.non_property': 'Мүліктік емес сипаттағы немесе бағалауға жатпайтын талап арызы',
    'duty.rule.divorce': 'Некені бұзу туралы талап арызы',
    'duty.rule.special_proceedings': 'Ерекше талап ісін жүргізу немесе ерекше іс жүргізу ісі бойынша арыз',
    'duty.rule.administrative_claim': 'Жария-құқықтық дау бойынша әкімшілік талап қою',
    'duty.rule.state_body_complaint_individual': 'Жеке тұлғаның құқықтарын қозғайтын мемлекеттік органның немесе лауазымды адамның әрекетіне (әрекетсіздігіне) шағым',
    'duty.rule.state_body_complaint_legal': 'Заңды тұлғаның құқықтарын қозғайтын мемлекеттік органның немесе лауазымды адамның әрекетіне (әрекетсіздігіне) шағым',
    'duty.rule.court_order': 'Сот бұйрығын шығару туралы арыз',
    'duty.rule.appeal': 'Апелляциялық шағым: мемлекеттік баж алынбайды',
    'duty.rule.cassation': 'Кассациялық шағым',
    'duty.rule.procedural_application': 'Өтінішхат, пікір, жеке шағым, сот отырысының хаттамасына ескертулер немесе сот бұйрығына қарсылық: мемлекеттік баж алынбайды',

    'duty.exemption.labour': 'Жалақыны өндіріп алу туралы және еңбек қатынастарынан туындайтын өзге де талаптар',
    'duty.exemption.alimony': 'Алимент өндіріп алу туралы талаптар',
    'duty.exemption.harm_to_health': 'Мертігумен немесе денсаулықтың өзге де зақымдануымен, сондай-ақ асыраушының қайтыс болуымен келтірілген зиянды өтеу туралы талаптар',
    'duty.exemption.criminal_damage': 'Қылмыстық құқық бұзушылықпен келтірілген залалды өтеу туралы талаптар',
    'duty.exemption.copyright_author': 'Авторлар — авторлық құқықтан туындайтын талаптар бойынша',
    'duty.exemption.rehabilitation': 'Заңсыз қылмыстық қудалаумен келтірілген зиянды өтеу туралы талаптар (ақтау)',
    'duty.exemption.veteran': 'Ұлы Отан соғысының ардагерлері және ұрыс қимылдарының ардагерлері',
    'duty.exemption.disability': 'Мүгедектігі бар адамдар және мүгедектігі бар баланың ата-анасының бірі',
    'duty.exemption.prosecutor_state_body': 'Прокурор және мемлекеттік органдар — мемлекеттің немесе басқа адамдардың мүддесіндегі талаптар бойынша',

    'error.dutyAmountRequired': 'Талап қою бағасын көрсетіңіз: мүліктік сипаттағы талап бойынша мемлекеттік баж одан пайызбен есептеледі.',
    'error.dutyAmountInvalid': 'Талап қою бағасын теңгемен оң сан түрінде, нүктеден кейін екі таңбадан аспайтын етіп көрсетіңіз, мысалы 1500000.50.',
    'error.dutyCategoryNotAllowed': 'Мұндай құжат осы санаттағы істер бойынша берілмейді, сондықтан ол бойынша мемлекеттік баж есептелмейді.',
    'error.dutyDateOutOfRange': 'Бұл төлем күніне мемлекеттік бажды есептеу мүмкін емес: оған қолданылатын мөлшерлемелер белгісіз.',
    'error.dutyMciMissing':
      '{year} жылы төленетін мемлекеттік бажды әзірге есептеу мүмкін емес: {year} жылға арналған айлық есептік көрсеткіш Sot жүйесіне әлі енгізілмеген. Жобаңыз сақталды. АЕК жарияланғаннан кейін қайта оралыңыз немесе төлеп қойсаңыз, түбіртекті тіркеңіз — сот кеңсесі соманы тексереді.',
  },
};
