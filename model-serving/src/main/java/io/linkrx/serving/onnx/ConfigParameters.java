package io.linkrx.serving.onnx;

import io.linkrx.serving.config.ModelConfig;
import io.linkrx.serving.config.ModelParameter;
import java.util.Locale;

/** Typed access to a model config's {@code parameters} map (string values, as in Triton's config.pbtxt). */
public final class ConfigParameters {
    private final ModelConfig config;
    private final String label;

    public ConfigParameters(ModelConfig config, String label) {
        this.config = config == null ? ModelConfig.getDefaultInstance() : config;
        this.label = label;
    }

    /** The trimmed value, or {@code fallback} when the parameter is absent or blank. */
    public String string(String key, String fallback) {
        ModelParameter p = config.getParametersMap().get(key);
        if (p == null || p.getStringValue().isBlank()) {
            return fallback;
        }
        return p.getStringValue().trim();
    }

    /** The raw value (not trimmed: a prefix may end in a space), or {@code fallback} when absent. */
    public String raw(String key, String fallback) {
        ModelParameter p = config.getParametersMap().get(key);
        return p == null ? fallback : p.getStringValue();
    }

    public int integer(String key, int fallback, int min, int max) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new IllegalArgumentException(message(key, v, "an integer in [" + min + ", " + max + "]"));
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(message(key, v, "an integer"));
        }
    }

    public boolean bool(String key, boolean fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(message(key, v, "true or false"));
        };
    }

    private String message(String key, String value, String expected) {
        return "model " + label + ": config parameter '" + key + "' is '" + value + "', expected " + expected;
    }
}
