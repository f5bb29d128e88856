import type { AckCondition } from '@vela-tables/plugin-kubevela-node';
import {
  CONDITION_READY,
  CONDITION_RECOVERABLE,
  CONDITION_SYNCED,
  CONDITION_TERMINAL,
  NOT_SYNCED_MESSAGE,
  SYNCED_MESSAGE,
  TERMINAL_ERROR_TEXT,
  UNKNOWN_SYNCED_MESSAGE,
} from './constants';
import { conditionMessage, failureText, isTerminal } from './failures';
import type { AckFailure } from './failures';
import { kubeTime } from './tableDescription';

/*
 * The conditions as the controller writes them. A Sync starts from none (resetConditions), the
 * resource manager adds ACK.Terminal or ACK.Recoverable (updateConditions: no reason, no
 * lastTransitionTime), a hook may set ACK.ResourceSynced, and ensureConditions adds
 * ACK.ResourceSynced if still missing and then Ready. The delete path keeps the conditions it
 * found and only lets the resource manager add to them.
 */

function find(list: AckCondition[], type: string): AckCondition | undefined {
  return list.find(c => c.type === type);
}

function copyOf(list: readonly AckCondition[]): AckCondition[] {
  return list.map(c => ({ ...c }));
}

/** updateConditions after a successful call: ACK.Terminal and ACK.Recoverable turn False. */
export function afterSuccess(list: readonly AckCondition[]): AckCondition[] {
  const out = copyOf(list);
  for (const c of out) {
    if (c.type === CONDITION_TERMINAL || c.type === CONDITION_RECOVERABLE) {
      c.status = 'False';
      delete c.message;
    }
  }
  return out;
}

/**
 * updateConditions after a failed call: ACK.Terminal True for terminal AWS errors, otherwise
 * ACK.Recoverable True (and a former ACK.Terminal False), with DynamoDB's message.
 */
export function afterFailure(
  list: readonly AckCondition[],
  failure: AckFailure,
): AckCondition[] {
  const out = copyOf(list);
  const set = (type: string, message: string) => {
    const c = find(out, type);
    if (c) {
      c.status = 'True';
      c.message = message;
    } else {
      out.push({ type, status: 'True', message });
    }
  };
  if (isTerminal(failure)) {
    set(CONDITION_TERMINAL, conditionMessage(failure));
    return out;
  }
  const terminal = find(out, CONDITION_TERMINAL);
  if (terminal) {
    terminal.status = 'False';
    delete terminal.message;
  }
  set(CONDITION_RECOVERABLE, conditionMessage(failure));
  return out;
}

/** The runtime's SetSynced / SetReady (and the create hook's SetSynced without texts). */
function setCondition(
  list: AckCondition[],
  type: string,
  status: string,
  now: Date,
  message?: string,
  reason?: string,
): void {
  let c = find(list, type);
  if (!c) {
    c = { type, status };
    list.push(c);
  }
  c.status = status;
  c.lastTransitionTime = kubeTime(now);
  if (message === undefined) delete c.message;
  else c.message = message;
  if (reason === undefined) delete c.reason;
  else c.reason = reason;
}

/** The create hook: ACK.ResourceSynced False, without message or reason. */
export function outOfSyncAfterCreate(
  list: readonly AckCondition[],
  now: Date,
): AckCondition[] {
  const out = copyOf(list);
  setCondition(out, CONDITION_SYNCED, 'False', now);
  return out;
}

/** ACK.Terminal True with a reason (failOnResourceUnmanaged uses SetTerminal). */
export function terminalWithReason(
  list: readonly AckCondition[],
  message: string,
  reason: string,
  now: Date,
): AckCondition[] {
  const out = copyOf(list);
  setCondition(out, CONDITION_TERMINAL, 'True', now, message, reason);
  return out;
}

/** What ensureConditions needs to know about the end of a Sync. */
export interface SyncEnd {
  /** `status.tableStatus` of the resource it ends with. */
  tableStatus?: string;
  /** The error the Sync ends with, if any. */
  failure?: AckFailure;
  now: Date;
}

/**
 * ensureConditions: ACK.ResourceSynced when nothing set it (True with reason "" when the table is
 * ACTIVE or ARCHIVED; False "Resource not synced" after a terminal error; Unknown with the error
 * as reason after any other), then Ready: False with reason ACK.Terminal / ACK.Recoverable and
 * that condition's message, otherwise the same as ACK.ResourceSynced.
 */
export function ensureConditions(
  list: readonly AckCondition[],
  end: SyncEnd,
): AckCondition[] {
  const out = copyOf(list);
  if (!find(out, CONDITION_SYNCED)) {
    let status = 'False';
    let message = NOT_SYNCED_MESSAGE;
    let reason = '';
    if (end.tableStatus === 'ACTIVE' || end.tableStatus === 'ARCHIVED') {
      status = 'True';
      message = SYNCED_MESSAGE;
    }
    if (end.failure) {
      if (isTerminal(end.failure)) {
        status = 'False';
        message = NOT_SYNCED_MESSAGE;
        reason = TERMINAL_ERROR_TEXT;
      } else {
        status = 'Unknown';
        message = UNKNOWN_SYNCED_MESSAGE;
        reason = failureText(end.failure);
      }
    }
    setCondition(out, CONDITION_SYNCED, status, end.now, message, reason);
  }
  const synced = find(out, CONDITION_SYNCED)!;
  const terminal = find(out, CONDITION_TERMINAL);
  const recoverable = find(out, CONDITION_RECOVERABLE);
  if (terminal?.status === 'True') {
    setCondition(
      out,
      CONDITION_READY,
      'False',
      end.now,
      terminal.message,
      CONDITION_TERMINAL,
    );
  } else if (recoverable?.status === 'True') {
    setCondition(
      out,
      CONDITION_READY,
      'False',
      end.now,
      recoverable.message,
      CONDITION_RECOVERABLE,
    );
  } else {
    setCondition(
      out,
      CONDITION_READY,
      synced.status,
      end.now,
      synced.message,
      synced.reason,
    );
  }
  return out;
}

/** Whether ACK.ResourceSynced is True (the runtime then requeues after the resync period). */
export function isSynced(list: readonly AckCondition[]): boolean {
  return find([...list], CONDITION_SYNCED)?.status === 'True';
}
