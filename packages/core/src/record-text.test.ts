import { describe, expect, it } from 'vitest';
import { firstRecordText, recordNumber, recordText, textOf } from './record-text';
import { toRelayEvent } from './relay-event';

const event = toRelayEvent({
  storefront_id: 'bosley',
  event_name: 'purchase_completed',
  event_time: '2026-01-15T10:00:00Z',
  order_id: 'O-1',
  gclid: ' Cj0KCQ ',
  tblci: 'GiDxLZ',
  ob_click_id: '   ',
  device_number: 42,
  nested: { a: 1 },
});

describe('record text', () => {
  it('textOf trims strings, writes finite numbers, refuses the rest', () => {
    expect([
      textOf(' a '),
      textOf(''),
      textOf('  '),
      textOf(7.5),
      textOf(Number.NaN),
      textOf(null),
      textOf({}),
    ]).toEqual(['a', undefined, undefined, '7.5', undefined, undefined, undefined]);
  });

  it('reads modelled click ids and other record keys alike, case kept', () => {
    expect(recordText(event, 'gclid')).toBe('Cj0KCQ');
    expect(recordText(event, 'tblci')).toBe('GiDxLZ');
    expect(recordText(event, 'device_number')).toBe('42');
    expect(recordText(event, 'ob_click_id')).toBeUndefined();
    expect(recordText(event, 'nested')).toBeUndefined();
    expect(recordText(event, 'absent')).toBeUndefined();
  });

  it('firstRecordText gives the first key with a value', () => {
    expect(firstRecordText(event, ['ob_click_id', 'tblci', 'gclid'])).toEqual({
      key: 'tblci',
      value: 'GiDxLZ',
    });
    expect(firstRecordText(event, ['ob_click_id', 'absent'])).toBeUndefined();
  });
});

describe('recordNumber', () => {
  it('reads a number or numeric text, and nothing else', () => {
    const event = toRelayEvent({
      storefront_id: 'bosley',
      event_name: 'order_refunded',
      event_time: '2026-01-15T10:25:00Z',
      order_id: 'O-1',
      restated_value: 70,
      text_value: ' 70.5 ',
      bad: 'seventy',
    });
    expect(['restated_value', 'text_value', 'bad', 'missing'].map((k) => recordNumber(event, k))).toEqual([
      70,
      70.5,
      undefined,
      undefined,
    ]);
  });
});
