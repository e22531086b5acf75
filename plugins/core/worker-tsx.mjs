/**
 * A worker thread's start under tsx (`npm start`, the tests): the thread does
 * not inherit tsx's loader, so it registers it, then imports the worker's
 * TypeScript module (./workers.ts). Plain JavaScript: it runs before tsx does.
 */
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
