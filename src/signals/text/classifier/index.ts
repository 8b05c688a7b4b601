/**
 * A compact linear text classifier for short, noisy Indonesian text, fully in Node: hashed
 * character n-gram and word features over the normaliser's views, logistic regression
 * (sigmoid per label, or softmax), seeded and deterministic, per-label thresholds from a
 * validation split, a binary weights file + model.json. See docs in each module.
 *
 * @example
 * const model = await trainClassifier(fileRows('data.csv', { text: 'text', labels: ['label'] }), { holdout: 0.2 });
 * saveModel(model, 'models/x');
 * loadModel('models/x').predict('slot gacor maxwin', { explain: true });
 */
export { trainClassifier, replayable, textSplit, textKey, DEFAULT_TRAIN, saringVersion, type ClassWeight, type TrainingRow, type RowSource, type TrainOptions, type TrainProgress } from './train.js';
export { Model, loadModel, saveModel, readModelMeta, type ModelMeta, type Prediction, type PredictOptions, type Contribution, type Metrics, type LabelMetrics, type Task, type TrainingInfo } from './model.js';
export { evaluate, fileRows, type LabelledReadOptions } from './data.js';
export { crossValidate, type CrossValidation } from './crossval.js';
export { readDataRows, decodedChunks, formatOf, DsvSplitter, type DataRow, type DataFormat, type ReadOptions, type TableOptions } from './reader.js';
export { FeatureExtractor, DEFAULT_FEATURES, tokenShape, type CharView, type FeatureConfig, type NamedFeature } from './features.js';
export { Calibration, MetricsAccumulator, ScoreHistogram, type CalibrationBin, type ThresholdRule } from './metrics.js';
export { prepareText, unescapeEmoji, replaceMasks, MASK, DEFAULT_MASKS, type TextPrepOptions } from './text-prep.js';
export { Prng } from './prng.js';
