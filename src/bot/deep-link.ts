/** A deep link that opens the bot with the given /start payload (e.g. `join_<invite code>`). */
export function deepLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${payload}`;
}
