// Runs sandboxed: scripts/build-electron.mjs bundles this to one CommonJS file that requires only
// 'electron', and swaps channels.ts for a generated list of names so zod stays out.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract/channels';
import { createApi } from './api';

contextBridge.exposeInMainWorld('api', createApi(ipcRenderer, CHANNEL_NAMES));
