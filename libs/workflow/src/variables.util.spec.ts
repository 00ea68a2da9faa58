import { fromEngineVariables, toEngineVariables } from './variables.util';

describe('engine variables', () => {
  it('types plain values the way the engine expects and reads them back', () => {
    const typed = toEngineVariables({ decision: 'accept', days: 15, ratio: 0.5, urgent: false, note: null });
    expect(typed).toEqual({
      decision: { value: 'accept', type: 'String' },
      days: { value: 15, type: 'Long' },
      ratio: { value: 0.5, type: 'Double' },
      urgent: { value: false, type: 'Boolean' },
      note: { value: null, type: 'Null' },
    });
    expect(fromEngineVariables(typed)).toEqual({
      decision: 'accept',
      days: 15,
      ratio: 0.5,
      urgent: false,
      note: null,
    });
  });

  it('refuses nested objects, which the engine would store opaquely', () => {
    expect(() => toEngineVariables({ complaint: { id: 1 } as never })).toThrow(/complaint/);
  });
});
