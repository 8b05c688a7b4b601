// The shipped detectors against the labelled evaluation sets in data/eval (docs/detectors.md):
// per category precision, recall, F1, the share of positives removed at once and the share left
// in review, with the default policy, lexicons and models, audience general.
//
//   npm run build && node scripts/eval-detectors.mjs [--set eval|holdout] [--category C] [--errors] [--json]
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: 'eval' },
    category: { type: 'string', multiple: true },
    errors: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    audience: { type: 'string', default: 'general' },
  },
});
if (args.set !== 'eval' && args.set !== 'holdout') {
  console.error('--set must be eval or holdout');
  process.exit(2);
}

const { evalSetDir, evaluateDetectors, formatEvaluation, loadEvalSets } = await import(join(root, 'dist/evaluation/detectors.js'));
const { builtinScanConfig } = await import(join(root, 'dist/scan/scan-config.js'));
const { initLanguageId } = await import(join(root, 'dist/signals/text/language.js'));

await initLanguageId();
const all = loadEvalSets(evalSetDir(args.set));
// Other sets' negatives still count as false positives of the chosen categories.
const result = evaluateDetectors(builtinScanConfig(), all, args.audience);
if (args.category) {
  result.categories = result.categories.filter((c) => args.category.includes(c.category));
  result.errors = result.errors.filter((e) => args.category.includes(e.flaggedAs));
}

if (args.json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`Detectors on data/eval${args.set === 'holdout' ? '/holdout' : ''} — policy ${result.policyVersion}, audience ${result.audience}, ${result.lines} lines`);
  console.log('flagged = any action but allow for the category; removed, restricted (age) and review are shares of the positives\n');
  console.log(formatEvaluation(result));
  if (!result.scoresFinite) console.log('\nWARNING: a verdict carried a score that is not a number in 0..1');
  if (args.errors) {
    for (const type of ['miss', 'review', 'false_positive']) {
      const list = result.errors.filter((e) => e.type === type);
      if (!list.length) continue;
      console.log(`\n${type} (${list.length})`);
      for (const e of list) {
        const set = type === 'false_positive' ? ` [${e.category} ${e.line.kind}]` : ` [${e.line.kind}]`;
        console.log(`  ${e.flaggedAs} ${e.action} ${e.score}${set} ${JSON.stringify(e.line.text)}\n      ${e.evidence.join(', ') || '(no evidence)'}`);
      }
    }
  }
}
