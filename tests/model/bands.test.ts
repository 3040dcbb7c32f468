import { describe, expect, test } from 'vitest';
import { BANDS, BAND_IDS, bandOrder, sortBands, TOPIC_IDS, TOPICS, COMPONENT_NAMES } from '../../src/model/index.ts';
import { lessonComponentNames } from './component-names.ts';

describe('age bands', () => {
  test('are the six bands of the source project, youngest first', () => {
    expect(BAND_IDS).toEqual(['4-6', '1-2', '3-4', '5-6', '7-8', '9-11']);
    expect(BANDS.map((band) => band.uk)).toEqual(['4–6 років', '1–2 клас', '3–4 клас', '5–6 клас', '7–8 клас', '9–11 клас']);
  });

  test.each([
    [['9-11', '7-8'], ['7-8', '9-11']],
    [['3-4', '4-6', '1-2'], ['4-6', '1-2', '3-4']],
    [['5-6', '5-6'], ['5-6']],
  ] as const)('sortBands(%j) = %j', (input, expected) => {
    expect(sortBands(input)).toEqual(expected);
  });

  test('order is numeric, not alphabetical (9-11 is the oldest)', () => {
    expect(bandOrder('9-11')).toBeGreaterThan(bandOrder('7-8'));
    expect(bandOrder('4-6')).toBe(0);
  });
});

describe('vocabularies', () => {
  test('every topic has a Ukrainian and an English label', () => {
    for (const id of TOPIC_IDS) {
      expect(TOPICS[id].uk.length).toBeGreaterThan(2);
      expect(TOPICS[id].en.length).toBeGreaterThan(2);
    }
  });

  test('the site renders exactly the component vocabulary of the model', () => {
    expect(lessonComponentNames().sort()).toEqual([...COMPONENT_NAMES].sort());
  });
});
