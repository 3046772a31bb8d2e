import type { Section } from './section.ts';

// An appeal filed through the court that decided and sent up with the case after the term (CPC Arts 403(1), 405, 408).
const en = {
  'appeals.talon.filedThrough': 'Filed through (the court that decided)',
  'appeals.talon.heardBy': 'Appellate court that will hear it',

  'appeals.office.title': 'Appeal: sending the case to the appellate court',
  'appeals.office.state': 'Where it stands',
  'appeals.office.waitingTerm': 'Waiting: the appeal term of a party runs until {date} inclusive. The case goes up with every appeal on the decision after that (CPC Art. 405(1)(2)).',
  'appeals.office.waitingCopy': 'Waiting: a party absent from the hearing has not yet been sent a copy of the decision, so their month to appeal has not started (CPC Art. 403(3)).',
  'appeals.office.ready': 'The appeal term has ended for every party: send the case with the appeals and the responses to them to the appellate court.',
  'appeals.office.forwarded': 'Sent to the appellate court with the case: appellate case {number}',
  'appeals.office.lead': 'Every appeal on this decision and every response to them go up together in one appellate case, which the appellate court’s office then registers.',
  'appeals.office.submit': 'Send the case to the appellate court',
  'appeals.office.done': 'The case is sent to the appellate court with its appeals. The parties have been told which court will hear it.',

  'appeals.error.nothingToForward': 'There is no appeal waiting to be sent up in this case: it has gone to the appellate court already, or the decision is not in its appeal term.',
  'appeals.error.termStillRunning': 'The case cannot be sent to the appellate court yet: the appeal term of a party runs until {until} inclusive, and until then the case stays with the court that decided (CPC Art. 405).',
  'appeals.error.copyNotSent': 'The case cannot be sent to the appellate court yet: a party absent from the hearing has not been sent a copy of the decision, so their appeal term has not started (CPC Art. 403(3)).',

  'appeals.notice.filed.subject': 'An appeal was filed in case {number}',
  'appeals.notice.filed.body':
    'Sot: another participant filed an appeal against the decision in case {number}. The appeal is in the case in the Court Cabinet; you may file a response to it (CPC Art. 408). The court will send the case to the appellate court when the appeal term ends.',
  'appeals.notice.filed.sms': 'Sot: an appeal was filed in case {number}; you may respond to it.',
  'appeals.notice.forwarded.subject': 'Case {number} is sent to the appellate court',
  'appeals.notice.forwarded.body': 'Sot: the appeal term has ended and case {number} with its appeals has been sent to the appellate court: {court}.',

  'appeals.timeline.filed': 'Appeal received by the court that decided',
  'appeals.timeline.forwarded': 'Case sent to the appellate court with the appeals',

  'appeals.role.appellant': 'Appellant',
  'appeals.role.respondent': 'Respondent',
  'appeals.role.withFirst': '{role} ({first} at first instance)',
  'appeals.category': 'Appeal against the decision in case {number}',
  'appeals.case.heardBy': 'Appellate court',
  'appeals.case.filedThrough': 'Appeal filed through',
  'appeals.duty.notDue': 'No state duty is due for an appeal: appeals are not among the filings the duty is charged on (Tax Code Art. 664(1)(1)). Nothing to pay and no exemption to claim.',
};

export const appeals: Section<typeof en> = {
  en,
  ru: {
    'appeals.talon.filedThrough': 'Подана через суд, вынесший решение',
    'appeals.talon.heardBy': 'Суд апелляционной инстанции, который её рассмотрит',

    'appeals.office.title': 'Апелляционная жалоба: направление дела в суд апелляционной инстанции',
    'appeals.office.state': 'Состояние',
    'appeals.office.waitingTerm': 'Ожидание: срок апелляционного обжалования для одной из сторон истекает {date} включительно. После этого дело направляется со всеми жалобами на решение (ст. 405 ч. 1 п. 2 ГПК).',
    'appeals.office.waitingCopy': 'Ожидание: стороне, не участвовавшей в судебном заседании, ещё не направлена копия решения, и её месячный срок обжалования не начался (ст. 403 ч. 3 ГПК).',
    'appeals.office.ready': 'Срок апелляционного обжалования истёк для всех сторон: направьте дело с апелляционными жалобами и отзывами на них в суд апелляционной инстанции.',
    'appeals.office.forwarded': 'Направлено с делом в суд апелляционной инстанции: апелляционное дело {number}',
    'appeals.office.lead': 'Все апелляционные жалобы на это решение и отзывы на них направляются вместе, в одном апелляционном деле, которое затем регистрирует канцелярия суда апелляционной инстанции.',
    'appeals.office.submit': 'Направить дело в суд апелляционной инстанции',
    'appeals.office.done': 'Дело с апелляционными жалобами направлено в суд апелляционной инстанции. Стороны извещены о том, какой суд его рассмотрит.',

    'appeals.error.nothingToForward': 'По этому делу нет апелляционной жалобы, ожидающей направления: дело уже направлено в суд апелляционной инстанции или решение не находится в сроке обжалования.',
    'appeals.error.termStillRunning': 'Дело пока нельзя направить в суд апелляционной инстанции: срок апелляционного обжалования для одной из сторон истекает {until} включительно, а до его истечения дело остаётся в суде, вынесшем решение (ст. 405 ГПК).',
    'appeals.error.copyNotSent': 'Дело пока нельзя направить в суд апелляционной инстанции: стороне, не участвовавшей в судебном заседании, не направлена копия решения, и её срок обжалования не начался (ст. 403 ч. 3 ГПК).',

    'appeals.notice.filed.subject': 'По делу {number} подана апелляционная жалоба',
    'appeals.notice.filed.body':
      'Sot: другой участник подал апелляционную жалобу на решение по делу {number}. Жалоба доступна в деле в Судебном кабинете; вы вправе подать отзыв на неё (ст. 408 ГПК). По истечении срока обжалования суд направит дело в суд апелляционной инстанции.',
    'appeals.notice.filed.sms': 'Sot: по делу {number} подана апелляционная жалоба; вы вправе подать отзыв.',
    'appeals.notice.forwarded.subject': 'Дело {number} направлено в суд апелляционной инстанции',
    'appeals.notice.forwarded.body': 'Sot: срок обжалования истёк, дело {number} с апелляционными жалобами направлено в суд апелляционной инстанции: {court}.',

    'appeals.timeline.filed': 'Апелляционная жалоба поступила в суд, вынесший решение',
    'appeals.timeline.forwarded': 'Дело с апелляционными жалобами направлено в суд апелляционной инстанции',

    'appeals.role.appellant': 'Апеллянт',
    'appeals.role.respondent': 'Противная сторона',
    'appeals.role.withFirst': '{role} ({first} в суде первой инстанции)',
    'appeals.category': 'Апелляционная жалоба на решение по делу {number}',
    'appeals.case.heardBy': 'Суд апелляционной инстанции',
    'appeals.case.filedThrough': 'Жалоба подана через',
    'appeals.duty.notDue': 'Апелляционная жалоба государственной пошлиной не облагается: её нет среди объектов обложения (подп. 1) п. 1 ст. 664 Налогового кодекса). Платить ничего не нужно, и освобождение заявлять не требуется.',
  },
  kk: {
    'appeals.talon.filedThrough': 'Шешім шығарған сот арқылы берілді',
    'appeals.talon.heardBy': 'Оны қарайтын апелляциялық сатыдағы сот',

    'appeals.office.title': 'Апелляциялық шағым: істі апелляциялық сатыдағы сотқа жіберу',
    'appeals.office.state': 'Жай-күйі',
    'appeals.office.waitingTerm': 'Күту: тараптардың бірінің апелляциялық шағым беру мерзімі {date} қоса алғанда өтеді. Осыдан кейін іс шешімге берілген барлық шағымдармен бірге жіберіледі (АПК 405-бабы 1-бөлігінің 2) тармақшасы).',
    'appeals.office.waitingCopy': 'Күту: сот отырысына қатыспаған тарапқа шешімнің көшірмесі әлі жіберілмеген, сондықтан оның шағым беруге арналған бір айлық мерзімі басталған жоқ (АПК 403-бабының 3-бөлігі).',
    'appeals.office.ready': 'Апелляциялық шағым беру мерзімі барлық тараптар үшін өтті: істі апелляциялық шағымдармен және оларға берілген пікірлермен бірге апелляциялық сатыдағы сотқа жіберіңіз.',
    'appeals.office.forwarded': 'Іспен бірге апелляциялық сатыдағы сотқа жіберілді: {number} апелляциялық іс',
    'appeals.office.lead': 'Осы шешімге берілген барлық апелляциялық шағымдар мен оларға берілген пікірлер бір апелляциялық іспен бірге жіберіледі; оны кейін апелляциялық сатыдағы соттың кеңсесі тіркейді.',
    'appeals.office.submit': 'Істі апелляциялық сатыдағы сотқа жіберу',
    'appeals.office.done': 'Іс апелляциялық шағымдармен бірге апелляциялық сатыдағы сотқа жіберілді. Тараптарға істі қай сот қарайтыны хабарланды.',

    'appeals.error.nothingToForward': 'Бұл іс бойынша жіберуді күтіп тұрған апелляциялық шағым жоқ: іс апелляциялық сатыдағы сотқа жіберіліп қойған немесе шешімге шағым беру мерзімі жүріп жатқан жоқ.',
    'appeals.error.termStillRunning': 'Істі апелляциялық сатыдағы сотқа әзірге жіберуге болмайды: тараптардың бірінің апелляциялық шағым беру мерзімі {until} қоса алғанда өтеді, ол өткенге дейін іс шешім шығарған сотта қалады (АПК 405-бабы).',
    'appeals.error.copyNotSent': 'Істі апелляциялық сатыдағы сотқа әзірге жіберуге болмайды: сот отырысына қатыспаған тарапқа шешімнің көшірмесі жіберілмеген, сондықтан оның шағым беру мерзімі басталған жоқ (АПК 403-бабының 3-бөлігі).',

    'appeals.notice.filed.subject': '{number} іс бойынша апелляциялық шағым берілді',
    'appeals.notice.filed.body':
      'Sot: басқа қатысушы {number} іс бойынша шешімге апелляциялық шағым берді. Шағым Сот кабинетіндегі істе қолжетімді; сіз оған пікір беруге құқылысыз (АПК 408-бабы). Шағым беру мерзімі өткен соң сот істі апелляциялық сатыдағы сотқа жібереді.',
    'appeals.notice.filed.sms': 'Sot: {number} іс бойынша апелляциялық шағым берілді; оған пікір бере аласыз.',
    'appeals.notice.forwarded.subject': '{number} іс апелляциялық сатыдағы сотқа жіберілді',
    'appeals.notice.forwarded.body': 'Sot: шағым беру мерзімі өтті, {number} іс апелляциялық шағымдармен бірге апелляциялық сатыдағы сотқа жіберілді: {court}.',

    'appeals.timeline.filed': 'Апелляциялық шағым шешім шығарған сотқа келіп түсті',
    'appeals.timeline.forwarded': 'Іс апелляциялық шағымдармен бірге апелляциялық сатыдағы сотқа жіберілді',

    'appeals.role.appellant': 'Апелляциялық шағым беруші',
    'appeals.role.respondent': 'Қарсы тарап',
    'appeals.role.withFirst': '{role} (бірінші сатыда — {first})',
    'appeals.category': '{number} іс бойынша шешімге апелляциялық шағым',
    'appeals.case.heardBy': 'Апелляциялық сатыдағы сот',
    'appeals.case.filedThrough': 'Шағым берілген сот',
    'appeals.duty.notDue': 'Апелляциялық шағымнан мемлекеттік баж алынбайды: ол салық салу объектілерінің қатарында жоқ (Салық кодексінің 664-бабы 1-тармағының 1) тармақшасы). Ештеңе төлеудің және босатуды мәлімдеудің қажеті жоқ.',
  },
};
