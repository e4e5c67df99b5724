// The tests' CSV reader refuses what RFC 4180 as jixiao writes it does not allow, and reads the rest.
import { describe, expect, test } from 'vitest';
import { csvRecords, parseCsv } from './csv.ts';

describe('the tests’ CSV reader (csv-parse, held to RFC 4180)', () => {
  test('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","d""e","f\r\ng"\r\n,x\r\n')).toEqual([
      ['a', 'b,c', 'd"e', 'f\r\ng'],
      ['', 'x'],
    ]);
  });

  test.each([
    ['a record ending with LF', 'a,b\n'],
    ['the last record without CRLF', 'a,b\r\nc,d'],
    ['a bare LF outside quotes', 'a\nb,c\r\n'],
    ['a quote inside an unquoted field', 'a"b,c\r\n'],
    ['an unclosed quote', '"a,b\r\n'],
  ])('refuses %s', (_why, text) => {
    expect(() => parseCsv(text)).toThrow();
  });

  test('records keyed by the header; a short record is an error', () => {
    expect(csvRecords('年度,金额\r\n2022,1.5\r\n')).toEqual([{ 年度: '2022', 金额: '1.5' }]);
    expect(() => csvRecords('年度,金额\r\n2022\r\n')).toThrow('1 cells');
  });
});
