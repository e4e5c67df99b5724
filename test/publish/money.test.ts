// The one 万元 conversion, on the digits a report writes: the point moves, nothing is rounded.
import { describe, expect, it } from 'vitest';
import { decimalDisplay, decimalText, parseDecimal, subtractDecimals, sumDecimals, toWan } from '../../src/schema/money.ts';

const wan = (s: string, u: '元' | '万元' | '亿元') => decimalText(toWan(s, u)!);

describe('toWan', () => {
  it('moves the point four places from 元, keeping every stated digit and two places at least', () => {
    expect(wan('253895000', '元')).toBe('25389.50');
    expect(wan('65701001', '元')).toBe('6570.1001');
    expect(wan('1234.56', '元')).toBe('0.123456');
    expect(wan('-5', '元')).toBe('-0.0005');
  });
  it('keeps 万元 figures as written, 98.0 and all', () => {
    expect(wan('4339.97', '万元')).toBe('4339.97');
    expect(wan('4339.9', '万元')).toBe('4339.9');
  });
  it('multiplies 亿元 by 10,000 without float noise', () => {
    expect(wan('1.2', '亿元')).toBe('12000');
    expect(wan('0.123456', '亿元')).toBe('1234.56');
  });
  it('refuses anything but a plain decimal', () => {
    expect(toWan('1e21', '元')).toBeUndefined();
    expect(toWan('', '元')).toBeUndefined();
  });
});

describe('sums and differences', () => {
  it('add exactly where floats would not (0.1 + 0.2)', () => {
    expect(decimalText(sumDecimals([parseDecimal('0.1')!, parseDecimal('0.2')!])!)).toBe('0.3');
    expect(decimalText(sumDecimals([toWan('253895000', '元')!, parseDecimal('4339.97')!])!)).toBe('29729.47');
    expect(decimalText(subtractDecimals(parseDecimal('1100')!, parseDecimal('1000.5')!))).toBe('-99.5');
  });
  it('show thousands separators and a real minus sign, every digit kept', () => {
    expect(decimalDisplay(parseDecimal('1234567.0001')!)).toBe('1,234,567.0001');
    expect(decimalDisplay(parseDecimal('-1234')!)).toBe('−1,234');
  });
});
