import { decodePageToken, encodePageToken } from './pageToken.ts';
import { parseNewSession, parseSessionChange } from './sessionInput.ts';

describe('session request bodies', () => {
  it('takes a user, optional data and an optional lifetime', () => {
    expect(parseNewSession({ userId: 'u1' })).toEqual({
      userId: 'u1',
      data: {},
      ttlSeconds: undefined,
    });
    expect(
      parseNewSession({ userId: 'u1', data: { a: 1 }, ttlSeconds: 30 }),
    ).toEqual({ userId: 'u1', data: { a: 1 }, ttlSeconds: 30 });
    expect(parseSessionChange({ ttlSeconds: 5 })).toEqual({ ttlSeconds: 5 });
  });

  it.each([
    [null, 'the request body must be a JSON object'],
    [{ userId: '' }, 'userId must be a string of 1 to 256 characters'],
    [{ userId: 'x'.repeat(257) }, 'userId must be'],
    [{ userId: 'u', ttlSeconds: 1.5 }, 'ttlSeconds must be a whole number'],
    [{ userId: 'u', sessionId: 'mine' }, 'unknown field sessionId'],
  ])('refuses the new session %j', (body, message) => {
    expect(() => parseNewSession(body)).toThrow(message);
  });

  it('refuses a change that changes nothing or touches the user', () => {
    expect(() => parseSessionChange({})).toThrow(
      'give data, ttlSeconds or both',
    );
    expect(() => parseSessionChange({ userId: 'other' })).toThrow(
      'unknown field userId',
    );
  });
});

describe('page tokens', () => {
  it('round-trip a scan position and refuse anything else', () => {
    const key = { sessionId: { S: '0b4a-é' } };
    expect(decodePageToken(encodePageToken(key))).toEqual(key);
    expect(() => decodePageToken('not a token')).toThrow(
      'nextToken is not a token this service returned',
    );
    expect(() => decodePageToken('')).toThrow('nextToken is not');
  });
});
