/**
 * Helpers for the chart tests: static markup from React, and small readers for the SVG facts the
 * tests assert (elements by attribute, numbers in attributes). Only tests import this file.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export function markup(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

/** The opening tags of every element with `name` (e.g. 'path', 'rect'), in document order. */
export function tags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}(?=[\\s>/])[^>]*>`, 'g')) ?? [];
}

/** The value of `attr` in one opening tag, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** The opening tags that carry `name="value"` (or just `name` when value is omitted). */
export function withAttr(html: string, name: string, value?: string): string[] {
  const all = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return all.filter((t) => (value === undefined ? attr(t, name) !== undefined : attr(t, name) === value));
}

/** Attributes whose value mentions NaN or Infinity: there must be none. */
export function badNumbers(html: string): string[] {
  return (html.match(/\s[\w-]+="[^"]*(NaN|Infinity)[^"]*"/g) ?? []).map((s) => s.trim());
}

/** The text content of every `<text>` element. */
export function texts(html: string): string[] {
  return [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** The x of a `translate(x,y)` transform. */
export function translateX(tag: string): number {
  const m = /translate\(([-\d.e]+),/.exec(attr(tag, 'transform') ?? '');
  return m ? Number(m[1]) : NaN;
}
