// Whether the bot can reach a user: blocking it (my_chat_member "kicked") marks them unreachable,
// any later update from them (a message, a press, unblocking) marks them reachable again.
import { Composer } from "grammy";
import { markReachable, markUnreachable } from "../../services/people.js";
import type { BotContext } from "../context.js";

export const reachabilityFeature = new Composer<BotContext>();

reachabilityFeature.use(async (ctx, next) => {
  const user = ctx.user;
  if (user) {
    if (ctx.myChatMember?.new_chat_member.status === "kicked") markUnreachable(ctx.deps.db, user.id, new Date());
    else if (user.unreachableSince) markReachable(ctx.deps.db, user.id);
  }
  await next();
});
