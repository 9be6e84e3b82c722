import { afterEach, describe, expect, it } from 'vitest';
import { CHART_REDRAW, markRedrawEnd, markRedrawStart } from './redraw-marks';

const measures = () => performance.getEntriesByName(CHART_REDRAW, 'measure');

afterEach(() => performance.clearMeasures(CHART_REDRAW));

describe('chart redraw marks', () => {
  it('records one measure from the start of a redraw to its end', () => {
    markRedrawStart();
    markRedrawEnd();
    expect(measures()).toHaveLength(1);
    expect(measures()[0]!.duration).toBeGreaterThanOrEqual(0);
  });

  it('records nothing for an end without a start (a re-render that was not a redraw)', () => {
    markRedrawStart();
    markRedrawEnd();
    markRedrawEnd();
    expect(measures()).toHaveLength(1);
  });

  it('does not let the measures pile up over a long session', () => {
    for (let i = 0; i < 2500; i++) {
      markRedrawStart();
      markRedrawEnd();
    }
    expect(measures().length).toBeLessThanOrEqual(2000);
  });
});
