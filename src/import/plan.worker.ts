/**
 * A planning thread: reads issue files and plans them (parse, tags, sponsors)
 * off the main thread, which then only writes. Started by plan.threads.ts.
 */
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { planDocument } from './document.plan';
import type { PlanReply, PlanRequest } from './plan.threads';

parentPort?.on('message', ({ id, file, newsletter }: PlanRequest) => {
  let reply: PlanReply;
  try {
    reply = { id, plan: planDocument({ text: fs.readFileSync(file, 'utf8'), newsletter }) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
