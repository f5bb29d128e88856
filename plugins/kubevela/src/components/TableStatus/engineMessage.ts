/** An engine message as the card says it: words for people, and the raw text when it differs. */
export interface ExplainedMessage {
  /** What the message means, in words. */
  words: string;
  /** The engine's own text, when `words` is not that text. */
  raw?: string;
}

// KRO: `... waiting for node "table": readyWhen condition evaluated to false: "<CEL>" ...`
const KRO_READY_WHEN =
  /waiting for node "([^"]+)": readyWhen condition evaluated to false: "((?:[^"\\]|\\.)*)"/;
// A CEL comparison with a quoted value, e.g. `table.?status.?tableStatus.orValue("") == "ACTIVE"`.
const CEL_FIELD_EQUALS =
  /([A-Za-z_][\w]*)(?:\.orValue\((?:[^()]*)\))?\s*==\s*\\?"([^"\\]*)\\?"/;
// The AWS SDK's `api error <Code>: <message>`, as ACK and Crossplane's provider pass it on.
const AWS_API_ERROR = /api error ([A-Za-z]+): (.+?)(?:\}\]|\s*$)/;

/** Whether text is an expression or template rather than a sentence (CEL, `${...}`). */
export function isMachineText(text: string): boolean {
  return (
    text.includes('${') ||
    /[=!]=/.test(text) ||
    /\.\?[A-Za-z_]/.test(text) ||
    /orValue\(/.test(text)
  );
}

function kroReadyWhen(text: string): ExplainedMessage | undefined {
  const match = KRO_READY_WHEN.exec(text);
  if (!match) return undefined;
  const [, node, expression] = match;
  const field = CEL_FIELD_EQUALS.exec(expression);
  const words = field
    ? `KRO is waiting for its ${node} resource: it counts as ready once ${field[1]} is ${field[2]}, and it is not yet.`
    : `KRO is waiting for its ${node} resource to meet its readiness check (readyWhen), which does not hold yet.`;
  return { words, raw: text };
}

function awsError(text: string): ExplainedMessage | undefined {
  const match = AWS_API_ERROR.exec(text);
  if (!match) return undefined;
  const words = `DynamoDB refused the request (${
    match[1]
  }): ${match[2].trim()}`;
  return words === text ? { words } : { words, raw: text };
}

/**
 * An engine's condition message in words. KRO's readiness message is a CEL expression and
 * AWS errors come wrapped in SDK text; both are said plainly with the raw text kept.
 */
export function explainEngineMessage(text: string): ExplainedMessage {
  const explained = kroReadyWhen(text) ?? awsError(text);
  if (explained) return explained;
  if (isMachineText(text)) {
    return {
      words:
        'The engine is waiting for a condition written as an expression; it does not hold yet.',
      raw: text,
    };
  }
  return { words: text };
}
