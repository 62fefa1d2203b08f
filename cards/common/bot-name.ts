/** The app's display name in Teams (manifest `name.short`), as people @mention it. */
export const BOT_NAME = 'Staffelstab';
