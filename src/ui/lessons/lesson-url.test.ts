import { describe, expect, it } from 'vitest';
import { readLessonLocation, withLessonLocation } from './lesson-url';

describe('lesson links', () => {
  it('read the lesson and its 1-based step, defaulting to step 1', () => {
    expect(readLessonLocation('?lesson=article&step=4')).toEqual({ id: 'article', step: 4 });
    expect(readLessonLocation('?lesson=article')).toEqual({ id: 'article', step: 1 });
    expect(readLessonLocation('?lesson=article&step=zero')).toEqual({ id: 'article', step: 1 });
    expect(readLessonLocation('?lesson=../etc')).toBeNull();
    expect(readLessonLocation('')).toBeNull();
  });
  it('write the lesson into the query and keep other parameters', () => {
    expect(withLessonLocation('?x=1', { id: 'article', step: 2 })).toBe('?x=1&lesson=article&step=2');
    expect(withLessonLocation('?lesson=article&step=2', null)).toBe('');
  });
});
