import { describe, expect, it } from 'vitest';
import { datelinePlace } from '../src/text/dateline.js';

describe('datelinePlace', () => {
  it.each([
    [
      'Gaza City, Palestinian Territories, May 16, 2021 (AFP) -',
      'Gaza City, Palestinian Territories',
    ],
    ['Strasbourg, 10 juil 2024', 'Strasbourg'],
    ['Strasbourg, 10 juillet 2024 (AFP) -', 'Strasbourg'],
    ['Paris, 1er août 2024', 'Paris'],
    ['Berlin, 3. März 2024 (dpa)', 'Berlin'],
    ['Madrid, 5 de mayo de 2024', 'Madrid'],
    ['Roma, 12 lug 2024', 'Roma'],
    ['Roma, 12/07/2024', 'Roma'],
    ['SEOUL, Feb. 1', 'SEOUL'],
    ['Mainz', 'Mainz'],
    ['Washington', 'Washington'],
  ])('%j is %j', (dateline, place) => {
    expect(datelinePlace(dateline)).toBe(place);
  });

  it('gives no place for a dateline that holds only a date', () => {
    expect(datelinePlace('10 juil 2024')).toBeUndefined();
  });
});
