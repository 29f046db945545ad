package io.linkrx.link;

/**
 * A candidate concept with the re-ranker's probability.
 *
 * @param conceptId   concept id
 * @param probability probability that it is the mention's concept
 * @param evidence    how candidate generation found it
 */
public record ScoredConcept(String conceptId, double probability, RetrievedCandidate evidence) {
}
