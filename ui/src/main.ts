import { mount } from 'svelte';
import { invoke } from '@tauri-apps/api/core';
import App from './App.svelte';
import { setBackend, tauriBackend } from './lib/backend';
import './app.css';

setBackend(tauriBackend(invoke));
const app = mount(App, { target: document.getElementById('app')! });

export default app;
