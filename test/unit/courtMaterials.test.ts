import { describe, expect, it } from 'vitest';
import { readMaterialForm } from '../../src/domain/courtMaterials.ts';

describe('reading the form of a material the court adds to its file', () => {
  const today = '2026-12-06';
  const filled = { title: '  Ответ департамента   юстиции ', kind: 'inquiry_answer', receivedDay: '5', receivedMonth: '12', receivedYear: '2026' };

  it('keeps the material for the court unless the form says to share it', () => {
    expect(readMaterialForm(filled, today)).toEqual({ material: { title: 'Ответ департамента юстиции', kind: 'inquiry_answer', audience: 'court', receivedOn: '2026-12-05' }, problems: [] });
    expect(readMaterialForm({ ...filled, audience: 'everyone' }, today).material?.audience).toBe('court');
    expect(readMaterialForm({ ...filled, audience: 'parties' }, today).material?.audience).toBe('parties');
  });

  it('reads a date typed whole into the first box', () => {
    expect(readMaterialForm({ ...filled, receivedDay: '06.12.2026', receivedMonth: '', receivedYear: '' }, today).material?.receivedOn).toBe('2026-12-06');
  });

  it('names every missing or wrong field', () => {
    expect(readMaterialForm({ title: ' ', kind: 'claim', receivedDay: '31', receivedMonth: '11', receivedYear: '2026' }, today).problems).toEqual([
      'material_title_required',
      'material_kind_required',
      'material_received_invalid',
    ]);
    expect(readMaterialForm({ ...filled, receivedDay: '7' }, today).problems).toEqual(['material_received_in_future']);
  });
});
