import { mount } from 'svelte';
import { Channel, invoke } from '@tauri-apps/api/core';
import App from './App.svelte';
import { setBackend, tauriBackend } from './lib/backend';
import './app.css';

// Marks of the start, read by the e2e figures: the bundle has run, the window is mounted, and
// (in ArchiveView) the archive's first rows are shown.
performance.mark('vanthu:script');

setBackend(
  tauriBackend(invoke, <T>(onmessage: (m: T) => void) => {
    const c = new Channel<T>();
    c.onmessage = onmessage;
    return c;
  }),
);
const app = mount(App, { target: document.getElementById('app')! });
performance.mark('vanthu:mounted');

export default app;
