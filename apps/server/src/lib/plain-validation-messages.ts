/**
 * zod's default messages are written for developers ("Too big: expected array to have <=8 items").
 * The API's field errors reach people through the web app, so every default message is replaced by
 * plain words here ("Use at most 8 items."). Messages a schema sets itself still win: zod uses this
 * map only where a schema has none.
 */
import { z, type core } from 'zod';

type Issue = core.$ZodRawIssue;

const typeWords: Readonly<Record<string, string>> = {
  string: 'Must be text.',
  number: 'Must be a number.',
  int: 'Must be a whole number.',
  bigint: 'Must be a whole number.',
  boolean: 'Must be true or false.',
  array: 'Must be a list.',
  object: 'Must be an object with fields.',
  date: 'Must be a date.',
};

const formatWords: Readonly<Record<string, string>> = {
  email: 'Enter an email address, like name@example.com.',
  url: 'Enter a full web address, like https://example.com.',
  datetime: 'Enter a date and time with its offset, like 2030-07-01T09:00:00+02:00.',
  date: 'Enter a date, like 2030-07-01.',
  time: 'Enter a time, like 09:00.',
  duration: 'Enter a duration, like PT1H30M.',
  ipv4: 'Enter an IPv4 address, like 192.0.2.1.',
  ipv6: 'Enter an IPv6 address.',
};

const idFormats = new Set([
  'uuid',
  'uuidv4',
  'uuidv6',
  'uuidv7',
  'guid',
  'cuid',
  'cuid2',
  'nanoid',
  'ulid',
  'xid',
  'ksuid',
]);

function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  if (input instanceof Set) return input.size;
  return undefined;
}

function plural(count: number | bigint, one: string, many: string): string {
  return `${count.toString()} ${Number(count) === 1 ? one : many}`;
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : String(value);
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const { maximum, origin } = issue;
  const size = sizeOf(issue.input);
  const has = size === undefined ? '' : ` (this has ${size})`;
  if (origin === 'string')
    return issue.exact
      ? `Use exactly ${plural(maximum, 'character', 'characters')}.`
      : `Use at most ${plural(maximum, 'character', 'characters')}${has}.`;
  if (origin === 'array' || origin === 'set')
    return issue.exact
      ? `Use exactly ${plural(maximum, 'item', 'items')}.`
      : `Use at most ${plural(maximum, 'item', 'items')}${has}.`;
  if (origin === 'file') return `The file is too large: at most ${plural(maximum, 'byte', 'bytes')}.`;
  if (origin === 'date') return `Must be on or before ${new Date(Number(maximum)).toISOString()}.`;
  return issue.inclusive === false
    ? `Must be less than ${maximum.toString()}.`
    : `Must be at most ${maximum.toString()}.`;
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const { minimum, origin } = issue;
  if (origin === 'string') {
    if (Number(minimum) <= 1 && !issue.exact) return 'This cannot be empty.';
    return issue.exact
      ? `Use exactly ${plural(minimum, 'character', 'characters')}.`
      : `Use at least ${plural(minimum, 'character', 'characters')}.`;
  }
  if (origin === 'array' || origin === 'set') {
    if (Number(minimum) <= 1 && !issue.exact) return 'Add at least one item.';
    return issue.exact
      ? `Use exactly ${plural(minimum, 'item', 'items')}.`
      : `Add at least ${plural(minimum, 'item', 'items')}.`;
  }
  if (origin === 'date') return `Must be on or after ${new Date(Number(minimum)).toISOString()}.`;
  return issue.inclusive === false
    ? `Must be more than ${minimum.toString()}.`
    : `Must be at least ${minimum.toString()}.`;
}

function invalidFormat(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  const { format } = issue;
  if (format === 'starts_with' && 'prefix' in issue) return `Must start with ${showValue(issue.prefix)}.`;
  if (format === 'ends_with' && 'suffix' in issue) return `Must end with ${showValue(issue.suffix)}.`;
  if (format === 'includes' && 'includes' in issue) return `Must contain ${showValue(issue.includes)}.`;
  if (idFormats.has(format)) return 'This is not a valid id.';
  return formatWords[format] ?? 'This is not in the expected format.';
}

/**
 * The plain-words message of one zod issue, or undefined to keep zod's own (never reached for the
 * codes below).
 * @example plainMessage({ code: 'too_big', origin: 'array', maximum: 8, input: [...] }) // 'Use at most 8 items (this has 9).'
 */
export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is required.';
      if (issue.input === null) return 'This cannot be empty.';
      return typeWords[issue.expected] ?? `Must be ${issue.expected}.`;
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `Must be ${showValue(issue.values[0])}.`
        : `Choose one of: ${issue.values.map(showValue).join(', ')}.`;
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}.`;
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      // A discriminated union names the values its discriminator takes.
      return 'options' in issue && Array.isArray(issue.options) && issue.options.length > 0
        ? `Choose one of: ${issue.options.map(showValue).join(', ')}.`
        : 'This is not one of the accepted forms.';
    case 'invalid_key':
      return 'Contains a key that is not allowed.';
    case 'invalid_element':
      return 'Contains a value that is not allowed.';
    default:
      return 'This value is not valid.';
  }
}

let installed = false;

/** Makes `plainMessage` zod's message for every issue whose schema sets none (once per process). */
export function installPlainValidationMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: plainMessage });
}
