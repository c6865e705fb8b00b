import "@testing-library/svelte/vitest";

// jsdom measures nothing and has no ResizeObserver (the preview's `bind:clientWidth` asks for
// one): a stand-in that never reports a size.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
