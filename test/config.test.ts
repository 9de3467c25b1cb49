import { describe, expect, it } from 'vitest';
import { ConfigError, accountId, loadConfig, parseDuration, redactUrl } from '../src/config.js';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c.mailbox).toMatchObject({ embedded: true, spec: 'fixtures/corpus', account: 'local-corpus' });
    expect(c).toMatchObject({ folders: ['INBOX'], backfillDays: 90, prefix: 'orderwatch', redis: { url: 'redis://127.0.0.1:6379', explicit: false } });
  });

  it('reads every documented variable', () => {
    const c = loadConfig({
      ORDERWATCH_IMAP: 'imaps://robin%40mail.example:s3cr%2Ft@imap.example.net:993', ORDERWATCH_FOLDERS: 'INBOX, Orders ,Archive',
      ORDERWATCH_BACKFILL_DAYS: '30', REDIS_URL: 'redis://127.0.0.1:6380/2', ORDERWATCH_PREFIX: 'ow-test',
    });
    expect(c.mailbox.account).toBe('robin@mail.example@imap.example.net');
    expect(c.folders).toEqual(['INBOX', 'Orders', 'Archive']);
    expect(c).toMatchObject({ backfillDays: 30, prefix: 'ow-test', redis: { url: 'redis://127.0.0.1:6380/2', explicit: true } });
    expect(loadConfig({}).smtp.connections).toBe(5);
    expect(loadConfig({ ORDERWATCH_SMTP_CONNECTIONS: '2' }).smtp.connections).toBe(2);
  });

  it.each([
    [{ ORDERWATCH_BACKFILL_DAYS: 'ninety' }, /^ORDERWATCH_BACKFILL_DAYS: /],
    [{ ORDERWATCH_IMAP: 'imap://imap.example.net' }, /^ORDERWATCH_IMAP: /],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL: /],
    [{ ORDERWATCH_PREFIX: 'a:b' }, /^ORDERWATCH_PREFIX: /],
    [{ ORDERWATCH_POLL: 'soon' }, /^ORDERWATCH_POLL: /],
    [{ ORDERWATCH_SMTP_CONNECTIONS: '0' }, /^ORDERWATCH_SMTP_CONNECTIONS: /],
  ])('a wrong setting stops start-up with one line naming it: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never shows a password, in errors or labels', () => {
    const secret = 'hunter2-very-secret';
    let error = '';
    try {
      loadConfig({ ORDERWATCH_IMAP: `imap://robin:${secret}@`, ORDERWATCH_BACKFILL_DAYS: '1' });
    } catch (err) {
      error = String(err);
    }
    expect(error).toMatch(/ORDERWATCH_IMAP/);
    expect(error).not.toContain(secret);
    const c = loadConfig({ ORDERWATCH_IMAP: `imap://robin:${secret}@imap.example.net:143` });
    expect(c.mailbox.label).not.toContain(secret);
    expect(c.mailbox.account).not.toContain(secret);
    expect(redactUrl(`imaps://u:${secret}@h:993`)).toBe('imaps://u:***@h:993');
    expect(accountId(`imap://u:${secret}@h:143`)).toBe('u@h');
  });

  it('reads durations', () => {
    expect([parseDuration('30s'), parseDuration('45m'), parseDuration('2h'), parseDuration('3d'), parseDuration('2 weeks')]).toEqual([30_000, 2_700_000, 7_200_000, 259_200_000, null]);
  });
});
