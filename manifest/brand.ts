// What the app package and its icons share.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Teams' accent colour for the app, also the colour icon's background. */
export const ACCENT_COLOR = '#0E7C86';

/** The committed icons (manifest/generate-icons.ts draws them). */
export const ICONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icons');
