import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depersonalise, type NamedPerson } from '../../src/domain/depersonalise/index.ts';
import { generateJudgmentText, type CorpusLanguage } from '../../src/seed/judgmentCorpus.ts';

const LANGUAGES: CorpusLanguage[] = ['ru', 'kk', 'en'];
const wholeWord = (word: string) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u');

describe('the judgment corpus', () => {
  it('gives the same text for the same seed and different texts for different seeds', () => {
    expect(generateJudgmentText(42, 'kk')).toEqual(generateJudgmentText(42, 'kk'));
    expect(generateJudgmentText(42, 'kk').text).not.toBe(generateJudgmentText(43, 'kk').text);
    expect(generateJudgmentText(42, 'ru').text).not.toBe(generateJudgmentText(42, 'en').text);
  });

  it('records where each planted value stands in the text', () => {
    for (const lang of LANGUAGES) {
      const { text, planted } = generateJudgmentText(7, lang);
      for (const p of planted) expect(text.slice(p.start, p.start + p.value.length)).toBe(p.value);
      const kinds = new Set(planted.map((p) => p.kind));
      for (const kind of ['iin_bin', 'phone', 'email', 'address', 'iban', 'car_plate', 'id_document', 'birth_date', 'person_name'] as const) expect(kinds, `${lang} ${kind}`).toContain(kind);
    }
  });

  // The aim is 5,000 texts a second; the bound is generous, as tests share a busy machine.
  it('makes thousands of texts a second', () => {
    const started = performance.now();
    let chars = 0;
    for (let seed = 0; seed < 5000; seed++) chars += generateJudgmentText(seed, LANGUAGES[seed % 3]!).text.length;
    const seconds = (performance.now() - started) / 1000;
    console.log(`corpus: 5000 texts (${Math.round(chars / 5000)} characters each) in ${(seconds * 1000).toFixed(0)} ms, ${Math.round(5000 / seconds)} a second`);
    expect(seconds).toBeLessThan(5);
  });
});

describe('depersonalisation of the corpus', () => {
  it('leaves no planted value or name form and keeps every official, entity, court, case number, sum and date (3,000 texts)', () => {
    const failures: string[] = [];
    for (let seed = 0; seed < 1000; seed++) {
      for (const lang of LANGUAGES) {
        const { text, people, planted, kept } = generateJudgmentText(seed, lang);
        const result = depersonalise(text, people);
        const squeezed = result.text.replace(/\s/g, '');
        for (const p of planted) {
          if (result.text.includes(p.value)) failures.push(`${lang} ${seed} ${p.kind} survives: ${p.value}`);
          if (p.kind !== 'person_name' && squeezed.includes(p.value.replace(/\s/g, ''))) failures.push(`${lang} ${seed} ${p.kind} survives without spaces: ${p.value}`);
          if (p.kind === 'person_name')
            for (const word of p.value.split(/\s+/)) if (/^\p{L}{3,}$/u.test(word) && wholeWord(word).test(result.text)) failures.push(`${lang} ${seed} name word survives: ${word}`);
        }
        for (const k of kept) if (!result.text.includes(k)) failures.push(`${lang} ${seed} lost: ${k}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 180_000);
});

// Fragments court acts are made of, so random texts hit the rules rather than miss them all.
const FRAGMENTS = [
  'Иванов', 'Ивановой', 'Петр', 'Сергеевич', 'Ахметова', 'Айгерім', 'Серікқызына', 'П.С.', 'А.', 'Omarova', 'Aigerim', 'Ms', 'судья', 'ТОО «Дала»',
  'ИИН', '880115300123', '8801 1530 0123', '+7 701 234 56 78', '8 (727) 2', 'тел.', '27-12-34', 'a@b.kz', '@', 'ул.', 'Абая', 'д.', '10', 'кв.', '5',
  'көшесі', '12-үй', 'Street', 'apt.', 'KZ86', '125KZT5004100100', '123ABC02', '02 ABC 123', 'паспорт', '№', 'N', '12345678', 'г.р.', 'дата рождения:',
  '12.03.1985', '1985', 'жылы туған', 'born on', 'March', '7517-26-00-2/123', ' ', ' ', ' ', ', ', '. ', '\n', '-', '(', ')', '«', '»', '"', '0', '7', '1',
];
const courtText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(courtText, fc.string({ unit: 'binary', maxLength: 300 }));
const PEOPLE: NamedPerson[] = [
  { name: 'Иванов Петр Сергеевич', kind: 'private' },
  { name: 'Ахметова Айгерім Серікқызы', kind: 'private' },
  { name: 'Omarova Bakhyt', kind: 'official' },
  { name: 'ТОО «Дала»', kind: 'entity' },
];

describe('depersonalisation of any text', () => {
  it('never throws and leaves no run of twelve digits', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = depersonalise(text, PEOPLE);
        expect(result.text).not.toMatch(/\d{12}/);
        for (const r of result.replacements) expect(result.text.slice(r.start, r.end)).toBe(r.replacement);
        for (const f of result.flags) expect(f.end).toBeLessThanOrEqual(result.text.length);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('changes nothing when run again on its own output', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = depersonalise(text, PEOPLE);
        const twice = depersonalise(once.text, PEOPLE);
        expect(twice.text).toBe(once.text);
        expect(twice.replacements).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  // The aim is 20 ms for 20 KB; the bound is generous for the same reason. CPU time is reported
  // besides wall time because the machine running the tests is often busy with other work.
  it('depersonalises a 20 KB act in well under a second', () => {
    const measure = (text: string, people: readonly NamedPerson[]) => {
      depersonalise(text, people);
      const runs = 10;
      const wall = performance.now();
      const cpu = process.cpuUsage();
      for (let k = 0; k < runs; k++) depersonalise(text, people);
      const used = process.cpuUsage(cpu);
      return { wall: (performance.now() - wall) / runs, cpu: (used.user + used.system) / 1000 / runs };
    };
    const act = generateJudgmentText(1, 'ru');
    let long = act.text;
    for (let k = 2; long.length < 20_000; k++) long += `\n${generateJudgmentText(k, 'ru').text}`;
    let many = '';
    const everyone: NamedPerson[] = [];
    for (let seed = 0; many.length < 20_000; seed++) {
      const g = generateJudgmentText(seed, 'kk');
      many += g.text;
      everyone.push(...g.people);
    }
    for (const [label, text, people] of [['its 4 people', long, act.people], [`${everyone.length} people`, many, everyone]] as const) {
      const { wall, cpu } = measure(text, people);
      console.log(`depersonalise: ${text.length} characters, ${label}: ${wall.toFixed(1)} ms wall, ${cpu.toFixed(1)} ms CPU`);
      expect(wall).toBeLessThan(500);
    }
  });
});
