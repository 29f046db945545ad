package io.linkrx.route;

/** Why a linking decision is uncertain enough to ask the teacher. */
public enum UncertaintyReason {
    /** No candidate was accepted: the concept may be missing from the KB, or retrieval missed it. */
    NIL,
    /** The best candidate was accepted with a low score. */
    LOW_SCORE,
    /** The two best candidates are too close to call. */
    SMALL_MARGIN
}
