import { describe, expect, it } from 'vitest';
import { displayPersonName } from '../../src/domain/personName.ts';

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
