import { describe, expect, it } from 'vitest';
import { addressAllowed, parseAllowedRanges } from '../src/address-guard.js';

describe('addressAllowed', () => {
  const none = parseAllowedRanges([]);

  it.each([
    ['93.184.216.34', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['not an address', false],
  ])('%s is allowed without an allow-list: %s', (address, allowed) => {
    expect(addressAllowed(address, none)).toBe(allowed);
  });

  it('allows exactly the ranges a feed lists', () => {
    const loopback = parseAllowedRanges(['127.0.0.1', '10.0.0.0/8']);
    expect(addressAllowed('127.0.0.1', loopback)).toBe(true);
    expect(addressAllowed('10.9.9.9', loopback)).toBe(true);
    expect(addressAllowed('127.0.0.2', loopback)).toBe(false);
    expect(addressAllowed('169.254.169.254', loopback)).toBe(false);
  });
});
