import { describe, expect, it } from 'vitest';
import { depersonalise, type NamedPerson } from '../../src/domain/depersonalise/index.ts';

const ivanov: NamedPerson = { name: 'Иванов Петр Сергеевич', kind: 'private' };
const ivanova: NamedPerson = { name: 'Иванова Мария Сергеевна', kind: 'private' };
const akhmetova: NamedPerson = { name: 'Ахметова Айгерім Серікқызы', kind: 'private' };
const akhmetov: NamedPerson = { name: 'Ахметов Ерлан Серікұлы', kind: 'private' };
const judge: NamedPerson = { name: 'Омарова Бахыт Кайратовна', kind: 'official' };
const company: NamedPerson = { name: 'ТОО «Дала Логистик»', kind: 'entity' };
const out = (text: string, people: readonly NamedPerson[]) => depersonalise(text, people).text;

describe('depersonalisation of names of the case', () => {
  it('reduces a Russian man’s name to initials in all six cases', () => {
    const forms = ['Иванов Петр Сергеевич', 'Иванова Петра Сергеевича', 'Иванову Петру Сергеевичу', 'Ивановым Петром Сергеевичем', 'Иванове Петре Сергеевиче'];
    for (const form of forms) expect(out(`Суд выслушал: ${form}, далее`, [ivanov]), form).toBe('Суд выслушал: И.П.С., далее');
  });

  it('reduces a Russian woman’s name to initials in all six cases', () => {
    const forms = ['Иванова Мария Сергеевна', 'Ивановой Марии Сергеевны', 'Ивановой Марии Сергеевне', 'Иванову Марию Сергеевну', 'Ивановой Марией Сергеевной'];
    for (const form of forms) expect(out(`Суд выслушал: ${form}, далее`, [ivanova]), form).toBe('Суд выслушал: И.М.С., далее');
  });

  it('reads a Kazakh name declined in a Russian text, the given name and patronymic unchanged', () => {
    expect(out('направить Ахметовой Айгерім Серікқызы копию', [akhmetova])).toBe('направить А.А.С. копию');
  });

  it('reads the surname with initials, before or after them, in any case', () => {
    expect(out('выслушав Ивановым П.С., суд', [ivanov])).toBe('выслушав И.П.С., суд');
    expect(out('взыскать с П.С. Иванова долг', [ivanov])).toBe('взыскать с П.С.И. долг');
    expect(out('взыскать с Иванова П. С. долг', [ivanov])).toBe('взыскать с И.П.С. долг');
  });

  it('reads the name in any order and the surname alone', () => {
    expect(out('Петр Сергеевич Иванов пояснил', [ivanov])).toBe('П.С.И. пояснил');
    expect(out('ответчик Иванов не явился', [ivanov])).toBe('ответчик И. не явился');
  });

  it('reduces a Kazakh name to initials in all seven cases, the ending on the last word', () => {
    const forms = ['Серікқызы', 'Серікқызының', 'Серікқызына', 'Серікқызын', 'Серікқызында', 'Серікқызынан', 'Серікқызымен'];
    for (const last of forms) expect(out(`Сот Ахметова Айгерім ${last} туралы`, [akhmetova]), last).toBe('Сот А.А.С. туралы');
    const surnames = ['Ахметов', 'Ахметовтың', 'Ахметовқа', 'Ахметовты', 'Ахметовта', 'Ахметовтан', 'Ахметовпен'];
    for (const form of surnames) expect(out(`Сот ${form} туралы`, [akhmetov]), form).toBe('Сот А. туралы');
    expect(out('Сот Ахметоваға және Ахметованың өкіліне', [akhmetova])).toBe('Сот А. және А. өкіліне');
  });

  it('reads the patronymic before the given name and given name alone', () => {
    expect(out('Сот Серікқызы Айгерімге хабарлады', [akhmetova])).toBe('Сот С.А. хабарлады');
    expect(out('Сот Айгерімнің өтінішін қарады', [akhmetova])).toBe('Сот А. өтінішін қарады');
  });

  it('reduces an English name to initials', () => {
    const aigerim: NamedPerson = { name: 'Akhmetova Aigerim Serikkyzy', kind: 'private' };
    expect(out('The claimant Aigerim Akhmetova applied', [aigerim])).toBe('The claimant A.A. applied');
    expect(out('Akhmetova’s claim and Ms Akhmetova', [aigerim])).toBe('A. claim and Ms A.');
  });

  it('finds in an English act the people the case holds in Cyrillic, however their names are transliterated', () => {
    const people: NamedPerson[] = [akhmetova, { name: 'Жұмабаев Ерлан Сергеевич', kind: 'private' }, judge];
    expect(out('Aigerim Akhmetova and Yerlan Sergeyevich Zhumabayev v. Ahmetova; judge Omarova B.K.', people)).toBe(
      'A.A. and Y.S.Z. v. A.; judge Omarova B.K.',
    );
  });

  it('keeps officials’ names and entities, also when a party shares the surname', () => {
    const omarov: NamedPerson = { name: 'Омаров Ерлан Болатович', kind: 'private' };
    const text = 'судья Омарова Б.К., ТОО «Дала Логистик» и Омаров Е.Б. явились';
    expect(out(text, [omarov, judge, company])).toBe('судья Омарова Б.К., ТОО «Дала Логистик» и О.Е.Б. явились');
    expect(out('под председательством судьи Омаровой Бахыт Кайратовны', [judge])).toBe('под председательством судьи Омаровой Бахыт Кайратовны');
  });

  it('keeps names in quotes after ТОО, АО, ИП, ЖШС, LLP and JSC', () => {
    for (const text of ['ИП «Иванов Петр Сергеевич» поставил', 'ЖШС «Ахметов Ерлан Серікұлы» жеткізді', 'LLP "Akhmetov Yerlan" supplied'])
      expect(out(text, [ivanov, akhmetov])).toBe(text);
  });

  it('gives positions of the initials in the output', () => {
    const result = depersonalise('ИИН 880115300123 Иванова Петра Сергеевича', [ivanov]);
    expect(result.replacements.map((r) => [r.kind, result.text.slice(r.start, r.end)])).toEqual([
      ['iin_bin', '[ИИН/БИН]'],
      ['person_name', 'И.П.С.'],
    ]);
  });
});

describe('depersonalisation of names the case does not list', () => {
  it('replaces a name with a patronymic', () => {
    expect(out('свидетель Сидоров Олег Викторович показал', [])).toBe('свидетель С.О.В. показал');
    expect(out('свидетеля Морозовой Еленой Ивановной', [])).toBe('свидетеля М.Е.И.');
    expect(out('куә Тлеубаев Нұрбол Ғалымұлы көрсетті', [])).toBe('куә Т.Н.Ғ. көрсетті');
    expect(out('куә Нұрбол Ғалым ұлы көрсетті', [])).toBe('куә Н.Ғ. көрсетті');
  });

  it('replaces a surname with initials or a given name', () => {
    expect(out('со слов Кенжебековой А.М. известно', [])).toBe('со слов К.А.М. известно');
    expect(out('the witness Oleg Sidorov said', [])).toBe('the witness O.S. said');
    expect(out('the witness Mr Smith said', [])).toBe('the witness Mr S. said');
  });

  it('keeps a name after a judge’s or prosecutor’s title and flags it for the reviewer', () => {
    const result = depersonalise('с участием прокурора Сейтказиева А.Б. дело', []);
    expect(result.text).toBe('с участием прокурора Сейтказиева А.Б. дело');
    expect(result.flags.map((f) => result.text.slice(f.start, f.end))).toEqual(['Сейтказиева А.Б.']);
  });

  it('keeps the name of the hearing’s secretary after the words of the title', () => {
    const result = depersonalise('при секретаре судебного заседания Нурлановой Д.Е., с участием истца', []);
    expect(result.text).toBe('при секретаре судебного заседания Нурлановой Д.Е., с участием истца');
    expect(result.flags).toHaveLength(1);
    expect(out('Судья решил взыскать с Петрова П.С. долг', [])).toBe('Судья решил взыскать с П.П.С. долг');
  });

  it('flags a lone surname or a pair of capitalised words it is not sure of, in output positions', () => {
    const result = depersonalise('ИИН 880115300123. Как пояснил Петров, деньги получила Гүлнар Әбенова.', []);
    expect(result.text).toContain('Петров');
    expect(result.flags.map((f) => [f.reason, result.text.slice(f.start, f.end)])).toEqual([['possible_name', 'Петров']]);
    expect(result.text).toContain('Г.Ә.');
    const pair = depersonalise('ИИН 880115300123. Деньги передал Ержан Қанат утром.', []);
    expect(pair.flags.map((f) => pair.text.slice(f.start, f.end))).toEqual(['Ержан Қанат']);
  });

  it('leaves court names, institutions and headings alone', () => {
    for (const text of [
      'Медеуский районный суд г. Алматы',
      'РЕШЕНИЕ ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН',
      'Алматы қаласы Медеу аудандық соты',
      'Medeu District Court of Almaty',
      'Верховный Суд Республики Казахстан',
      'Национальный Банк Республики Казахстан',
      'Қазақстан Республикасының Ұлттық Банкі',
    ]) {
      const result = depersonalise(text, []);
      expect(result.text).toBe(text);
      expect(result.flags).toEqual([]);
    }
  });
});
