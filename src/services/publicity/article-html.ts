/**
 * The allow-list an article body passes before it is stored (R-G3): headings, paragraphs, emphasis,
 * lists, quotes, links (http, https, mailto, tel) and images of this system only. No script, style,
 * iframe, form, event handler, class or style attribute, javascript:/data: address survives: what is
 * not listed is dropped (disallowed tags keep their text, script and style lose it too). The HTML
 * the portal serves is exactly what this returned.
 */
import sanitizeHtml from 'sanitize-html';
import { OWN_IMAGE_SRC } from '../../domain/publicity/article-rules.js';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'a',
    'img',
    'code',
    'pre',
  ],
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  transformTags: {
    // links leave the portal in a new tab, without handing it the opener or the referrer
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_IMAGE_SRC.test(frame.attribs.src ?? ''),
};
// target and rel are set by the transform only
OPTIONS.allowedAttributes = { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'title'] };

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
