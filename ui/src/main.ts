import { mount } from 'svelte';
import { Channel, invoke } from '@tauri-apps/api/core';
import App from './App.svelte';
import { setBackend, tauriBackend } from './lib/backend';
import './app.css';

setBackend(
  tauriBackend(invoke, <T>(onmessage: (m: T) => void) => {
    const c = new Channel<T>();
    c.onmessage = onmessage;
    return c;
  }),
);
const app = mount(App, { target: document.getElementById('app')! });

export default app;
