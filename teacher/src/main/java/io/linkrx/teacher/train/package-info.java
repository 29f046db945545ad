/**
 * The trainer of the teacher loop: teacher, simulated, synthetic and human labels distilled into a new re-ranker
 * version, scored on a dev corpus, published, and promoted or rejected.
 * <p>
 * Domain core, free of Kafka (what an offline experiment reuses):
 * <pre>{@code
 * KnowledgeBase kb = RerankerRetraining.loadKnowledgeBase(kbSpecs, synonymSpecs);
 * RerankerRetraining retraining = new RerankerRetraining(kb, RerankerRetraining.Settings.defaults());
 * TrainingSet set = TrainingSet.of(humanDocuments, labels);          // labels: StoredLabel, any order
 * RerankerRetraining.Trained model = retraining.train(set.documents(), set::weight);
 * RerankerRetraining.Score dev = retraining.score(model, "candidate", devDocuments);  // in-process Tribuo
 * }</pre>
 * In-process scores equal the exported ONNX graph's scores through the sidecar ({@code scoreServed}); the
 * {@link io.linkrx.teacher.train.RetrainCycle} adds export, pinning and the decision. Kafka adapters:
 * {@link io.linkrx.teacher.train.TrainerService} ({@code ./linkrx trainer}) and
 * {@link io.linkrx.teacher.train.ModelCommand} ({@code ./linkrx model rollback|promote|retrain}).
 */
package io.linkrx.teacher.train;
