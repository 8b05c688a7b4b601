/** A sweep's scan thread: compiles the configurations it is sent and scans chunks of items with them. */
import { parentPort } from 'node:worker_threads';
import { validatePolicy } from '../policy/document.js';
import type { Audience } from '../policy/schema.js';
import type { ScanConfig } from '../scan/scan-config.js';
import { scanTexts } from '../scan/scan.js';
import { modelFromBytes, type LoadedModel } from '../models/registry.js';
import { compileLexicons } from '../signals/text/index.js';
import { initLanguageId } from '../signals/text/language.js';
import type { ScanRequest, ScanResponse } from './scan-protocol.js';

const configs = new Map<string, ScanConfig>();
const ready = initLanguageId();
const port = parentPort!;

port.on('message', (msg: ScanRequest) => {
  if (msg.type === 'config') {
    const models = new Map<string, LoadedModel>();
    for (const m of msg.config.models) models.set(m.name, { name: m.name, version: m.version, model: modelFromBytes(m.meta, Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength)) });
    const lexicons = msg.config.lexicons;
    configs.set(msg.key, { policy: validatePolicy(msg.config.policy).document, policyVersion: msg.config.policyVersion, lexicons, compiled: compileLexicons(lexicons), models, generation: -1 });
    if (configs.size > 4) configs.delete(configs.keys().next().value!);
    return;
  }
  void ready.then(() => {
    let answer: ScanResponse;
    try {
      const cfg = configs.get(msg.key);
      if (!cfg) throw new Error(`scan configuration ${msg.key} was not sent to this thread`);
      answer = { type: 'result', id: msg.id, verdicts: msg.items.map((i) => scanTexts(cfg, { texts: i.texts, audience: i.audience as Audience, bankMatches: i.bankMatches })) };
    } catch (err) {
      answer = { type: 'error', id: msg.id, message: (err as Error).message };
    }
    port.postMessage(answer);
  });
});
