/**
 * Which links a lesson may hold: web pages (http:, https:), e-mail (mailto:), phone numbers (tel:) and pages of this
 * site (a relative link such as ../other-lesson/ or #stage-…). Anything else (javascript:, file:, data:, …) is refused
 * by the checker, never rendered as a link on the site, and never written into a kit. One predicate for all three.
 */
import { z } from 'astro/zod';
import { error, type Finding } from './diagnostics.ts';

/** What a link points to. */
export type LinkKind = 'web' | 'mail' | 'phone' | 'site';

/** Schemes a link may use, by kind. */
const SCHEMES: Readonly<Record<string, LinkKind>> = { 'http:': 'web', 'https:': 'web', 'mailto:': 'mail', 'tel:': 'phone' };

/** A URL scheme as browsers read it (letters first, then letters, digits, + - .). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** A phone number as `tel:` takes it: digits, +, spaces and the usual separators. */
const PHONE = /^\+?[0-9][0-9 ().-]*$/;

/** What the model records on a link into the site that leads to a titled page (mdast `data`), for the printed kit. */
export interface SiteLinkData {
  /** The title of the lesson or page the link leads to. */
  siteTitle?: string;
  /** The language of the lesson the link stands in (how the kit quotes the title). */
  siteLang?: 'uk' | 'en';
}

/** A link that may not stand in a lesson: the rule it breaks, and the link as a message quotes it. */
export type LinkProblem =
  | { rule: 'link-scheme' | 'link-no-scheme'; params: { url: string } }
  | { rule: 'link-malformed'; params: { url: string; kind: 'web' | 'phone' } };

/**
 * The URL as a browser would read it: browsers drop leading and trailing control characters and spaces, and tabs and
 * line breaks anywhere ("java\tscript:" is javascript:), and read a backslash as a slash.
 */
export function browserView(url: string): string {
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
}

/** What a link points to, or why it may not stand in a lesson. */
export function classifyLink(url: string): { kind: LinkKind } | { problem: LinkProblem } {
  const seen = browserView(url);
  const scheme = SCHEME.exec(seen)?.[1].toLowerCase();
  if (scheme === undefined) {
    if (seen.startsWith('//')) {
      return { problem: { rule: 'link-no-scheme', params: { url: quote(url) } } };
    }
    return { kind: 'site' };
  }
  const kind = SCHEMES[`${scheme}:`];
  if (!kind) {
    return { problem: { rule: 'link-scheme', params: { url: quote(url) } } };
  }
  if (kind === 'web' && !isWebAddress(seen)) {
    return { problem: { rule: 'link-malformed', params: { url: quote(url), kind: 'web' } } };
  }
  if (kind === 'phone' && !PHONE.test(decodeSafely(seen.slice('tel:'.length)))) {
    return { problem: { rule: 'link-malformed', params: { url: quote(url), kind: 'phone' } } };
  }
  return { kind };
}

/** A refused link as a finding at its position. */
export function linkFinding(problem: LinkProblem, line: number, column: number): Finding {
  return problem.rule === 'link-malformed' ? error(line, column, problem.rule, problem.params) : error(line, column, problem.rule, problem.params);
}

/** The problem with a link, if it may not stand in a lesson. */
export function linkProblem(url: string): LinkProblem | undefined {
  const result = classifyLink(url);
  return 'problem' in result ? result.problem : undefined;
}

/** True when a link may be made clickable outside the site (a kit, a PDF): a web page, an e-mail or a phone number. */
export function isExternalLink(url: string): boolean {
  const result = classifyLink(url);
  return 'kind' in result && result.kind !== 'site';
}

/** A web address in shared data (a helpline, a fact's source): http: or https: only. */
export const WebUrlSchema = z.url({ protocol: /^https?$/, error: 'must be a web address starting with https://' });

/** True when a http(s) URL parses with a host. */
function isWebAddress(url: string): boolean {
  try {
    return new URL(url).host !== '';
  } catch {
    return false;
  }
}

/** Percent-decoding that never throws (a stray % stays as it is). */
function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A URL for a message: control characters shown as \u escapes, long ones shortened. */
export function quote(url: string): string {
  const shown = url.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
}
