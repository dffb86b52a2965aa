import { describe, expect, it } from 'vitest';
import type { AgencyContext } from '../agency-context.ts';
import { testStoredItem } from '../test-inbox-item.ts';
import { inboxRows } from './inbox-rows.ts';

const NOW = Date.UTC(2026, 0, 15, 12);
const item = testStoredItem(1, {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  receivedAt: NOW,
  issuedAt: NOW,
  priority: 'routine',
});

// Only what the rows read: the directory's names and the store's escalations.
const ctx = {
  agency: 'swansea-cs',
  directory: {
    view: {
      agency: (id: string) =>
        id === 'south-wales-police'
          ? { id, name: 'South Wales Police', nameCy: 'Heddlu De Cymru' }
          : undefined,
    },
  },
  store: { escalations: () => [] },
} as unknown as AgencyContext;

describe('inboxRows', () => {
  it('names the sender in the page language: the directory’s Welsh name on a Welsh page', () => {
    const from = (lang: 'en' | 'cy') =>
      /<td class="cell-from"[^>]*>([^<]*)</.exec(String(inboxRows(ctx, [item], lang, NOW, undefined)))?.[1];
    expect(from('cy')).toBe('Heddlu De Cymru');
    expect(from('en')).toBe('South Wales Police');
  });
});
