import { findingNameSpans } from '../engine/findingCatalog';
import type { Finding } from '../engine/types';

/** A piece of a finding's message: words of the planner's own, or a name the user gave. */
export type MessagePart =
  | { kind: 'text'; text: string }
  | { kind: 'name'; text: string }
  /** A list of names ("A, B and C") too long to read whole: its first names, then how many more. */
  | { kind: 'more'; count: number };

/** A list of more names than this is shortened to its first LIST_SHOWN, unless shown whole. */
const LIST_LONG = 12;
const LIST_SHOWN = 8;
const LIST_SEPARATORS = new Set([', ', ' and ']);

/**
 * A finding's message cut into its words and the names it holds, so that
 * each name can be drawn isolated (SPEC §2). Unless `whole`, a list of very
 * many names (the hundreds of firewalls of a mesh a flow crosses) keeps its
 * first names and says how many more there are: thousands of names per
 * finding are unreadable, and drawing them holds the page.
 */
export function messageParts(finding: Finding, { whole = false }: { whole?: boolean } = {}): MessagePart[] {
  // A finding never changes: its parts are worked out once, not on every render of the list.
  const cache = whole ? wholeParts : shortParts;
  let parts = cache.get(finding);
  if (!parts) {
    parts = partsOf(finding, whole);
    cache.set(finding, parts);
  }
  return parts;
}

const wholeParts = new WeakMap<Finding, MessagePart[]>();
const shortParts = new WeakMap<Finding, MessagePart[]>();

function partsOf(finding: Finding, whole: boolean): MessagePart[] {
  const spans = findingNameSpans(finding);
  const { message } = finding;
  const parts: MessagePart[] = [];
  let at = 0;
  for (let i = 0; i + 1 < spans.length; i += 2) {
    const start = spans[i] as number;
    const end = spans[i + 1] as number;
    if (start > at) parts.push({ kind: 'text', text: message.slice(at, start) });
    parts.push({ kind: 'name', text: message.slice(start, end) });
    at = end;
  }
  if (at < message.length) parts.push({ kind: 'text', text: message.slice(at) });
  return whole ? parts : shortenLists(parts);
}

function shortenLists(parts: MessagePart[]): MessagePart[] {
  const out: MessagePart[] = [];
  for (let i = 0; i < parts.length; ) {
    // A list: name, separator, name, … — as long as the separators last.
    let end = i;
    let names = 0;
    while (parts[end]?.kind === 'name') {
      names += 1;
      const separator = parts[end + 1];
      if (
        separator?.kind !== 'text' ||
        !LIST_SEPARATORS.has(separator.text) ||
        parts[end + 2]?.kind !== 'name'
      )
        break;
      end += 2;
    }
    if (names > LIST_LONG) {
      out.push(...parts.slice(i, i + 2 * LIST_SHOWN - 1));
      out.push({ kind: 'text', text: ' and ' }, { kind: 'more', count: names - LIST_SHOWN });
      i = end + 1;
    } else {
      out.push(parts[i] as MessagePart);
      i += 1;
    }
  }
  return out;
}

/** A finding's message with every name the user gave drawn in a `<bdi>`. */
export function FindingMessage({ finding, whole = false }: { finding: Finding; whole?: boolean }) {
  return (
    <>
      {messageParts(finding, { whole }).map((part, i) =>
        part.kind === 'name' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message, rebuilt whole
          <bdi key={i}>{part.text}</bdi>
        ) : part.kind === 'more' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message, rebuilt whole
          <span key={i} className="text-slate-500">
            {part.count} more
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
