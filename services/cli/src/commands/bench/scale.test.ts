import { agencyPermissions, agreementPeers, shareSubject } from '@cwtch/bus';
import { describe, expect, it } from 'vitest';
import { peerOf, scalePoint, simulatedRegion } from './scale.ts';

describe('simulatedRegion', () => {
  it('puts the agencies in partnerships of the given size, the last one smaller', () => {
    const { ids, agreements } = simulatedRegion(25, 10);
    expect(ids).toHaveLength(25);
    expect(ids[0]).toBe('sim-0001');
    expect(agreements.map((a) => a.senders.length)).toEqual([10, 10, 5]);
  });

  it('lets an agency publish shares to its partner only, as the region would configure it', () => {
    const { ids, agreements } = simulatedRegion(25, 10);
    const perms = agencyPermissions(ids[9]!, agreementPeers(agreements, ids[9]!));
    expect(perms.publish).toContain(shareSubject(peerOf(ids, 9, 10), ids[9]!));
    expect(perms.publish).not.toContain(shareSubject(ids[10]!, ids[9]!));
  });
});

describe('peerOf', () => {
  it('sends to the next member, the last member back to the first, within a short last partnership', () => {
    const { ids } = simulatedRegion(25, 10);
    expect(peerOf(ids, 0, 10)).toBe('sim-0002');
    expect(peerOf(ids, 9, 10)).toBe('sim-0001');
    expect(peerOf(ids, 24, 10)).toBe('sim-0021');
  });
});

describe('scalePoint', () => {
  it('runs simulated agencies through a real region: every share and its delivered receipt in the share log', async () => {
    const point = await scalePoint({ agencies: 5, group: 3, perAgency: 2, syncInterval: 'always' });
    expect(point.failed).toBeUndefined();
    expect(point).toMatchObject({ agencies: 5, agreements: 2, notifications: 10 });
    expect(point.permissionEntries).toBeGreaterThan(0);
    expect(point.provisionMs).toBeGreaterThan(0);
    expect(point.regionStartMs).toBeGreaterThan(0);
    expect(point.notificationsPerSecond).toBeGreaterThan(0);
    // The audit service did the logging: it spent CPU on it and is counted.
    expect(point.auditCpuMsPerNotification).toBeGreaterThan(0);
    expect(point.auditMemory?.rssMb).toBeGreaterThan(0);
    expect(point.natsMemory?.rssMb).toBeGreaterThan(0);
  }, 120_000);
});
