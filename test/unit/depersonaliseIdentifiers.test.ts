import { describe, expect, it } from 'vitest';
import { depersonalise, detectLanguage, type IdentifierKind } from '../../src/domain/depersonalise/index.ts';

const out = (text: string) => depersonalise(text, []).text;
const kinds = (text: string): IdentifierKind[] => depersonalise(text, []).replacements.map((r) => r.kind);

describe('depersonalisation of identifiers', () => {
  it('detects the language of the act by its letters', () => {
    expect(detectLanguage('Суд, рассмотрев в открытом судебном заседании гражданское дело')).toBe('ru');
    expect(detectLanguage('Сот ашық сот отырысында азаматтық істі қарап, талапкердің өтінішін')).toBe('kk');
    expect(detectLanguage('The court heard the civil case in open session')).toBe('en');
    // A Russian act naming a Kazakh party stays Russian.
    expect(detectLanguage('Истец Ахметова Айгерім Серікқызы обратилась в суд с иском о взыскании задолженности по договору займа')).toBe('ru');
  });

  it('removes an IIN or BIN whole, grouped or not, valid check digit or not, with the marker of the language', () => {
    expect(out('Истец (ИИН 880115300123) обратился')).toBe('Истец (ИИН [ИИН/БИН]) обратился');
    expect(out('Талапкер (ЖСН 880115 300 123) сотқа жүгінді')).toBe('Талапкер (ЖСН [ЖСН/БСН]) сотқа жүгінді');
    expect(out('The claimant (IIN 8801-1530-0124) applied')).toBe('The claimant (IIN [IIN/BIN]) applied');
    expect(out('БИН 1105 4000 9013, далее')).toBe('БИН [ИИН/БИН], далее');
  });

  it('removes every run of twelve digits or more, whatever it is', () => {
    expect(out('номер 1234567890123456789 указан')).toBe('номер [счёт] указан');
    expect(out('card 4400 4301 2345 6789 used')).toBe('card [account] used');
  });

  it('keeps case numbers, sums, dates of events and article citations', () => {
    const text = 'Дело № 7517-26-00-2/123 рассмотрено 12.03.2026 по ст. 223 ГПК РК, взыскано 1 250 000 тенге; дело 6003-25-00-4к/1454(2).';
    expect(out(text)).toBe(text);
    const kk = 'Іс № 7599-22-00-2а/1489 2026 жылғы 12 наурызда ҚР АПК 223-бабы бойынша қаралды, 500 000 теңге өндірілді.';
    expect(out(kk)).toBe(kk);
  });

  it('removes phone numbers in the usual groupings', () => {
    for (const phone of ['+7 701 234 56 78', '8 (701) 234-56-78', '+77012345678', '8-701-234-5678', '8 (7272) 12-34-56', '+7 (727) 2-123-456'])
      expect(out(`тел. ${phone}, далее`), phone).toBe('тел. [телефон], далее');
    expect(out('Байланыс телефоны: 8 701 234 56 78.')).toBe('Байланыс телефоны: [телефон].');
    expect(out('phone +7 701 234 5678.')).toBe('phone [phone].');
  });

  it('removes a short city number only next to the word for a phone', () => {
    expect(out('тел.: 27-12-34, далее')).toBe('тел.: [телефон], далее');
    expect(out('телефон 2 71 23 45')).toBe('телефон [телефон]');
    expect(out('phone: 271234.')).toBe('phone: [phone].');
    expect(out('взыскано 27-12-34 тенге')).toBe('взыскано 27-12-34 тенге');
  });

  it('removes e-mail addresses', () => {
    expect(out('e-mail: a.ivanova-77@mail.kz.')).toBe('e-mail: [e-mail].');
    expect(out('электрондық пошта: aigerim@gmail.com')).toBe('электрондық пошта: [e-mail]');
    expect(kinds('write to john.smith+court@example.co.uk')).toEqual(['email']);
  });

  it('removes the street and numbers of an address and keeps the city', () => {
    expect(out('по адресу: г. Алматы, ул. Абая, д. 10, кв. 5, обратился')).toBe('по адресу: г. Алматы, [адрес], обратился');
    expect(out('живёт в г. Астана, проспект Мәңгілік Ел, 55/20, кв. 14.')).toBe('живёт в г. Астана, [адрес].');
    expect(out('г. Алматы, мкр. Самал-2, д. 33, кв. 12;')).toBe('г. Алматы, [адрес];');
    expect(out('г. Алматы, пр. Аль-Фараби, 77/8.')).toBe('г. Алматы, [адрес].');
    expect(out('мекенжайы: Алматы қаласы, Абай көшесі, 10-үй, 5-пәтер.')).toBe('мекенжайы: Алматы қаласы, [мекенжай].');
    expect(out('Алматы қаласы, Төле би к-сі, 25 мекенжайы')).toBe('Алматы қаласы, [мекенжай] мекенжайы');
    expect(out('Астана қаласы, Достық даңғылы, 105')).toBe('Астана қаласы, [мекенжай]');
    expect(out('residing at 12 Abay Street, apt. 5, Almaty')).toBe('residing at [address], Almaty');
    expect(out('residing at Dostyk Avenue 105, Almaty')).toBe('residing at [address], Almaty');
    expect(out('проживает в г. Алматы')).toBe('проживает в г. Алматы');
    expect(out('улица Абая без номера')).toBe('улица Абая без номера');
  });

  it('removes Kazakh IBANs with or without spaces', () => {
    expect(out('счёт KZ86125KZT5004100100 в банке')).toBe('счёт [счёт] в банке');
    expect(out('ақша KZ86 125K ZT50 0410 0100 шотқа аударылды')).toBe('ақша [шот] шотқа аударылды');
    expect(out('account KZ86 125K ZT50 0410 0100.')).toBe('account [account].');
  });

  it('removes car plates in current and old formats, in Latin and Cyrillic look-alike letters', () => {
    for (const plate of ['123ABC02', '123 ABC 02', '02 ABC 123', 'A 123 BCD', '123 АВС 02', '777 KZA 17'])
      expect(out(`автомобиль ${plate}, далее`), plate).toBe('автомобиль [госномер], далее');
    expect(out('көлік 123 ABC 02 кепілге')).toBe('көлік [мемлекеттік нөмір] кепілге');
    expect(out('the car 123ABC02 was pledged')).toBe('the car [plate number] was pledged');
    // Articles of the codes are not plates.
    expect(out('по ст. 190 УК 2014 года и ст. 123 ГПК РК')).toBe('по ст. 190 УК 2014 года и ст. 123 ГПК РК');
    expect(out('paid 100 USD 12 times')).toBe('paid 100 USD 12 times');
  });

  it('removes identity document numbers', () => {
    expect(out('удостоверение личности № 045678912 выдано МВД РК')).toBe('удостоверение личности № [номер документа] выдано МВД РК');
    expect(out('паспорт гражданина РК № N12345678.')).toBe('паспорт гражданина РК № [номер документа].');
    expect(out('жеке куәлік № 045678912')).toBe('жеке куәлік № [құжат нөмірі]');
    expect(out('passport No. N 12345678')).toBe('passport No. [document number]');
    expect(out('ID card No. 045678912')).toBe('ID card No. [document number]');
    expect(out('документ № N12345678')).toBe('документ № [номер документа]');
  });

  it('removes a date of birth where the act marks it, and keeps the dates of events', () => {
    expect(out('Иван, 12.03.1985 г.р., пояснил')).toBe('Иван, [дата рождения] г.р., пояснил');
    expect(out('дата рождения: 01.02.1990, заседание 12.03.2026')).toBe('дата рождения: [дата рождения], заседание 12.03.2026');
    expect(out('1985 года рождения')).toBe('[дата рождения] года рождения');
    expect(out('1985 жылы туған, 2026 жылғы 12 наурызда')).toBe('[туған күні] жылы туған, 2026 жылғы 12 наурызда');
    expect(out('туған күні: 12.03.1985')).toBe('туған күні: [туған күні]');
    expect(out('born on 12 March 1985, heard on 12 March 2026')).toBe('born on [date of birth], heard on 12 March 2026');
    expect(out('DOB 1985-03-12')).toBe('DOB [date of birth]');
    expect(out('Петров А.Б., д.р. 12.03.1985, пояснил')).toBe('П.А.Б., д.р. [дата рождения], пояснил');
    expect(out('родившийся 12 марта 1985 года в г. Алматы')).toBe('родившийся [дата рождения] в г. Алматы');
    expect(out('date of birth: 12.03.1985')).toBe('date of birth: [date of birth]');
  });

  it('flags nine to eleven digits in a row for the reviewer and leaves them', () => {
    const result = depersonalise('ИИН 98011530012, тел. +7 701 234 56 78, счёт 1234567890, сумма 1 250 000, дата 12.03.2026', []);
    expect(result.text).toBe('ИИН 98011530012, тел. [телефон], счёт 1234567890, сумма 1 250 000, дата 12.03.2026');
    expect(result.flags.map((f) => [f.reason, result.text.slice(f.start, f.end)])).toEqual([
      ['possible_identifier', '98011530012'],
      ['possible_identifier', '1234567890'],
    ]);
  });

  it('gives replacement positions in the output text', () => {
    const result = depersonalise('ИИН 880115300123, тел. +7 701 234 56 78', []);
    for (const r of result.replacements) expect(result.text.slice(r.start, r.end)).toBe(r.replacement);
    expect(result.replacements.map((r) => r.kind)).toEqual(['iin_bin', 'phone']);
  });
});
