// grammY's Composer, with `branch` (what every `filter`, `on`, `command`, `hears`, `callbackQuery`
// and `drop` is made of) building its two sides once instead of once per update. grammY builds them
// through `lazy`, which makes a new Composer for every update that passes the branch: an answer
// passes 18 branches on its way to its handler, and that work was an eighth to a sixth of the
// instructions an answer costs (counted with valgrind, 1 Dec 2026, grammY 1.46; the same change was
// proposed upstream without figures: grammyjs/grammY#765). The sides are the same middleware either
// way: a Composer given as a side is still read at each update, so what is registered on it later
// counts. Features import Composer from here, so that the change is in place before they register
// anything.
import { Composer, type Context, type Middleware } from "grammy";

type Side<C extends Context> = Middleware<C> | Middleware<C>[];

Composer.prototype.branch = function branch<C extends Context>(
  this: Composer<C>,
  predicate: (ctx: C) => boolean | Promise<boolean>,
  trueMiddleware: Side<C>,
  falseMiddleware: Side<C>,
) {
  const side = (m: Side<C>) => new Composer<C>(...(Array.isArray(m) ? m : [m])).middleware();
  const [onTrue, onFalse] = [side(trueMiddleware), side(falseMiddleware)];
  // Filter queries answer at once: no promise to wait for unless the predicate gives one.
  return this.use((ctx, next) => {
    const chosen = predicate(ctx);
    if (chosen instanceof Promise) return chosen.then((yes) => (yes ? onTrue : onFalse)(ctx, next));
    return chosen ? onTrue(ctx, next) : onFalse(ctx, next);
  });
};

export { Composer };
