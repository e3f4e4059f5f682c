import { Request, Response } from 'express';
import type { HtmlPage } from './portal-pages.service';

/**
 * The content security policy of the portal's HTML: everything from the platform itself. Element Plus and
 * ECharts set inline styles (style attributes), hence 'unsafe-inline' for styles only; scripts run from
 * 'self' alone (the JSON-LD block is data of type application/ld+json, which browsers never execute); charts
 * draw on canvas and export as blob: or data: images; no remote host anywhere, so the portal works on an
 * intranet and no third party learns who reads what.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Headers of every HTML page the portal serves (pages, the explorer, error pages). */
export function setHtmlHeaders(res: Response): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

export function sendPage(res: Response, page: HtmlPage): void {
  setHtmlHeaders(res);
  res.status(page.status).send(page.html);
}

/** What a browser navigating to a page asks for: HTML preferred to JSON (fetch and curl send *\/*). */
export function wantsHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}
