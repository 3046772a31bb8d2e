import { describe, expect, it } from 'vitest';
import { displayPersonName, publicPersonName } from '../../src/domain/personName.ts';

describe('displayPersonName', () => {
  it.each([
    ['ТЕСТОВА АЙГЕРІМ СЕРІКҚЫЗЫ', 'Тестова Айгерім Серікқызы'],
    ['ИВАНОВ  ИВАН', 'Иванов Иван'],
    ['НҰРЛАН-ҰЛЫ ӘСЕЛ', 'Нұрлан-Ұлы Әсел'],
    ['SMITH JOHN', 'Smith John'],
  ])('capitalises the NCA name %s per word', (raw, shown) => {
    expect(displayPersonName(raw)).toBe(shown);
  });

  it('keeps a name that already mixes cases as written', () => {
    expect(displayPersonName('Мақсат ДЖ оглы')).toBe('Мақсат ДЖ оглы');
  });
});

describe('publicPersonName', () => {
  it('keeps the surname and shortens the rest to initials', () => {
    expect(publicPersonName('Нұрланова Айгерім Серікқызы')).toBe('Нұрланова А. С.');
    expect(publicPersonName('ӘЛІБЕК ҰЛАН')).toBe('Әлібек Ұ.');
    expect(publicPersonName('Madonna')).toBe('Madonna');
  });
});
