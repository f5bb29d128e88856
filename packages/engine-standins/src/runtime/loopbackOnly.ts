/**
 * The stand-ins only ever run on the local platform: they refuse an API server or a DynamoDB
 * endpoint that is not on loopback, so that a misconfigured portal pointed at a real cluster or
 * at AWS never gets a stand-in writing status next to (or instead of) the real controllers.
 */
export function assertLoopback(what: string, url: string): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error(`${what} '${url}' is not a URL`);
  }
  const loopback =
    host === 'localhost' ||
    host === '[::1]' ||
    host === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(host);
  if (!loopback) {
    throw new Error(
      `refusing to run the engine stand-ins against ${what} ${url}: they run only on the local platform (loopback), never against a real cluster or AWS`,
    );
  }
}
