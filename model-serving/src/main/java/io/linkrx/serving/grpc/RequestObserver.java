package io.linkrx.serving.grpc;

import io.grpc.Status;

/** Told about every finished ModelInfer call (metrics live in the ops package). */
public interface RequestObserver {
    RequestObserver NONE = (model, code, nanos) -> {};

    /**
     * @param model the model name, or {@code _unknown} for names the repository does not know (bounded label values)
     */
    void requestCompleted(String model, Status.Code code, long nanos);
}
