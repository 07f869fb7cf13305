// Whether the bot can reach a user: blocking it (my_chat_member "kicked") marks them unreachable,
// any later update from them (a message, a press, unblocking) marks them reachable again.
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";

export const reachabilityFeature = new Composer<BotContext>();

reachabilityFeature.use(async (ctx, next) => {
  const user = ctx.user;
  if (user) {
    if (ctx.myChatMember?.new_chat_member.status === "kicked") ctx.services.reachability.blocked(user.id);
    else if (user.unreachableSince) ctx.services.reachability.heard(user.id);
  }
  await next();
});
