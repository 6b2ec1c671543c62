// The portal's entries on their way to the clinic (SPEC §10, Offline). Every morning pain and
// session is put in this phone's IndexedDB first, under its client id, and taken out only when
// the server has answered it: saved, or refused for good (e.g. more than three days late). A
// send that fails for want of a connection leaves it waiting, and it is sent again when the
// connection returns or the portal is opened; the client id makes each stored once. Each
// signed-in patient has a queue of their own, so a shared phone never sends one patient's
// entries as another's. The server actions that send them (app/actions/portal.ts) are handed
// in by the caller, as the portal page hands them to PortalDiary and the layout to the sign-out
// button: no component imports app/. idb-keyval: decision record 019.
import { createStore, del, entries, set, type UseStore } from "idb-keyval";

import type { PortalLogAnswer } from "@/lib/present/portal/portal-log-answer";

export type EntryKind = "pain" | "session";
/** An entry as the form made it: its fields (with clientId, date and madeAt) as text. */
export type QueuedEntry = { kind: EntryKind; fields: Record<string, string> };
export type EntryAnswer = PortalLogAnswer<unknown> | null;

/** The server action that stores each kind of entry (app/actions/portal.ts). */
export type EntrySenders = Record<EntryKind, (fields: Record<string, string>) => Promise<EntryAnswer>>;

const stores = new Map<string, UseStore>();
const storeOf = (owner: string) => {
  if (!stores.has(owner)) stores.set(owner, createStore(`heelpain-entries-${owner}`, "entries"));
  return stores.get(owner)!;
};

const listeners = new Set<() => void>();
/** Calls `listener` whenever an entry is added or taken out; answers the unsubscribe. */
export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((listener) => listener());

/** The owner's waiting entries, oldest first. */
export async function waitingEntries(owner: string): Promise<QueuedEntry[]> {
  const all = await entries<string, QueuedEntry>(storeOf(owner));
  return all.map(([, entry]) => entry).sort((a, b) => (a.fields.madeAt ?? "").localeCompare(b.fields.madeAt ?? ""));
}

/** Sends one entry; "waiting" when there is no connection (it stays in the queue). */
async function sendOne(owner: string, entry: QueuedEntry, send: EntrySenders): Promise<EntryAnswer | "waiting"> {
  let answer: EntryAnswer;
  try {
    answer = await send[entry.kind](entry.fields);
  } catch {
    return "waiting";
  }
  await del(entry.fields.clientId!, storeOf(owner));
  changed();
  return answer;
}

/** Keeps the entry on the phone, then sends it: the server's answer, or "waiting". */
export async function submitEntry(
  owner: string,
  entry: QueuedEntry,
  send: EntrySenders,
): Promise<EntryAnswer | "waiting"> {
  await set(entry.fields.clientId!, entry, storeOf(owner));
  changed();
  return sendOne(owner, entry, send);
}

let flushing: Promise<{ sent: { entry: QueuedEntry; answer: EntryAnswer }[]; waiting: number }> | null = null;

/** Sends every waiting entry, oldest first, stopping at the first that finds no connection. One flush at a time. */
export function flushQueue(owner: string, send: EntrySenders) {
  flushing ??= (async () => {
    const sent: { entry: QueuedEntry; answer: EntryAnswer }[] = [];
    try {
      const waiting = await waitingEntries(owner);
      for (const [i, entry] of waiting.entries()) {
        const answer = await sendOne(owner, entry, send);
        if (answer === "waiting") return { sent, waiting: waiting.length - i };
        sent.push({ entry, answer });
      }
      return { sent, waiting: 0 };
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Forgets the owner's waiting entries (signing out without sending them). */
export async function discardQueue(owner: string): Promise<void> {
  for (const entry of await waitingEntries(owner)) await del(entry.fields.clientId!, storeOf(owner));
  changed();
}
