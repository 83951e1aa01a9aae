// A WordPress post that embeds the widget, as WordPress 6.1 writes it, for the tests of both drivers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, ROOT } from './harness.mjs';

/** WordPress's own embed script, from Debian's package (`scripts/setup test` unpacks it into target/). */
export const WP_EMBED = join(ROOT, 'target/wordpress/usr/share/wordpress/wp-includes/js/wp-embed.js');

/**
 * The post, in a column `width` px wide: the widget's oEmbed html (dist/oembed.json) as `wp_filter_oembed_result`
 * (wp-includes/embed.php) writes it. Its kses keeps only the blockquote (without attributes), the link and the
 * frame's src, width, height, frameborder and title; it adds the secret to the frame's address (after `hash`,
 * the view the post links to) and to both elements, hides the frame off-screen until it speaks (because there
 * is a blockquote to fall back on), and sandboxes it. Then wp-embed.js, which the host serves at /wp-embed.js,
 * in the footer.
 */
export async function wordpressPost(base, width, hash = '') {
  const { html } = JSON.parse(await readFile(join(DIST, 'oembed.json'), 'utf8'));
  const quote = html.match(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/)[1].replace(/<\/?p>/g, '');
  const frame = html.match(/<iframe[^>]*>/)[0];
  const attr = (name) => frame.match(new RegExp(` ${name}="([^"]*)"`))?.[1] ?? '';
  const secret = 'Ab3dE6gH9k';
  // The file the frame opens, served here (a build with a public address names it there).
  const src = base + attr('src').split('/').pop();
  return `<!doctype html><html><head><meta charset="utf-8"><title>A post</title></head>
<body style="margin:0"><main style="width:${width}px"><p>The post's first paragraph.</p>
<blockquote class="wp-embedded-content" data-secret="${secret}">${quote}</blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" src="${src}${hash}#?secret=${secret}" data-secret="${secret}" title="${attr('title')}" width="${attr('width')}" height="${attr('height')}" frameborder="0"></iframe>
<p id="after">The post's last paragraph.</p></main>
<script src="/wp-embed.js"></script></body></html>`;
}
