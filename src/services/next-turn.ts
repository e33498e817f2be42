/** Resolves on the event loop's next turn: background work yields here so that requests waiting meanwhile are served first. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
