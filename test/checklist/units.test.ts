import { describe, expect, it } from 'vitest';
import { compare, convert, parseMeasurement } from '../../src/core';

describe('units', () => {
  it('converts comparable known units', () => {
    expect(convert(30, 'h', 'hours')).toBe(30);
    expect(convert(1.5, 'days', 'hours')).toBe(36);
    expect(convert(1.5, '天', 'hours')).toBe(36);
    expect(convert(90, '分钟', '小时')).toBe(1.5);
    expect(convert(45, 'S', 'minutes')).toBe(0.75);
    expect(convert(95, '％', 'percent')).toBe(95);
    expect(convert(3, '声', 'rings')).toBe(3);
    expect(convert(2, '位', 'count')).toBe(2);
  });

  it('refuses to compare different quantities or unknown units', () => {
    expect(convert(3, 'rings', 'seconds')).toBeUndefined();
    expect(convert(3, 'count', 'rings')).toBeUndefined();
    expect(convert(3, 'yuan', '元')).toBeUndefined();
    expect(convert(3, 'minutes', 'customers waiting')).toBeUndefined();
    expect(convert(3, 'Customers  waiting', 'customers waiting')).toBe(3);
    expect(convert(20, '°C', '°C')).toBe(20);
  });

  it('reads measurements as people write them', () => {
    expect(parseMeasurement('30 h')).toEqual({ value: 30, unit: 'h' });
    expect(parseMeasurement('1.5days')).toEqual({ value: 1.5, unit: 'days' });
    expect(parseMeasurement('1,200 个')).toEqual({ value: 1200, unit: '个' });
    expect(parseMeasurement('３ 声')).toEqual({ value: 3, unit: '声' });
    expect(parseMeasurement('-2 °C')).toEqual({ value: -2, unit: '°C' });
    expect(parseMeasurement(' 4 ')).toEqual({ value: 4 });
    expect(parseMeasurement('about 4')).toBeUndefined();
    expect(parseMeasurement('')).toBeUndefined();
  });

  it('judges inclusive comparators inclusively', () => {
    expect(compare(24, '<=', 24)).toBe(true);
    expect(compare(24, '<', 24)).toBe(false);
    expect(compare(24.5, '<=', 24)).toBe(false);
    expect(compare(90, '>=', 90)).toBe(true);
    expect(compare(90, '>', 90)).toBe(false);
    expect(compare(convert(1, 'days', 'hours')!, '=', 24)).toBe(true);
    expect(compare(convert(0.1 + 0.2, 'h', 'h')!, '<=', 0.3)).toBe(true);
  });
});
