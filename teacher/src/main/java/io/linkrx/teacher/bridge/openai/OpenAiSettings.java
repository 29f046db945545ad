package io.linkrx.teacher.bridge.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.linkrx.config.KnobValues;
import io.linkrx.teacher.bridge.TeacherSetting;

/**
 * The OpenAI-compatible teacher's settings. The API key is {@code linkrx.teacher.api.key}, else the environment
 * variable named by {@code linkrx.teacher.api.key.env}; empty means no Authorization header (local servers).
 */
record OpenAiSettings(URI chatCompletions, String model, String apiKey, double temperature, int maxTokens,
                      Duration connectTimeout, Duration requestTimeout, int retries, Duration backoffInitial,
                      Duration backoffMax, int requestsPerMinute, TokenPrices prices) {

    static OpenAiSettings from(Map<String, String> settings, Map<String, String> environment) {
        String base = get(settings, TeacherSetting.BASE_URL).strip();
        if (base.isEmpty()) {
            throw new IllegalArgumentException(TeacherSetting.BASE_URL.key() + " must name the Chat Completions API");
        }
        String model = get(settings, TeacherSetting.MODEL).strip();
        if (model.isEmpty()) {
            throw new IllegalArgumentException(TeacherSetting.MODEL.key() + " must name the teacher model");
        }
        String key = get(settings, TeacherSetting.API_KEY).strip();
        String keyEnv = get(settings, TeacherSetting.API_KEY_ENV).strip();
        if (key.isEmpty() && !keyEnv.isEmpty()) {
            key = environment.getOrDefault(keyEnv, "").strip();
        }
        int retries = KnobValues.asInt(TeacherSetting.RETRIES, get(settings, TeacherSetting.RETRIES));
        int rpm = KnobValues.asInt(TeacherSetting.RATE_LIMIT_PER_MINUTE,
                get(settings, TeacherSetting.RATE_LIMIT_PER_MINUTE));
        if (retries < 0 || rpm < 0) {
            throw new IllegalArgumentException(TeacherSetting.RETRIES.key() + " and "
                    + TeacherSetting.RATE_LIMIT_PER_MINUTE.key() + " must not be negative");
        }
        return new OpenAiSettings(
                URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions"),
                model, key,
                KnobValues.asDouble(TeacherSetting.TEMPERATURE, get(settings, TeacherSetting.TEMPERATURE)),
                KnobValues.asInt(TeacherSetting.MAX_TOKENS, get(settings, TeacherSetting.MAX_TOKENS)),
                millis(settings, TeacherSetting.CONNECT_TIMEOUT_MS), millis(settings, TeacherSetting.REQUEST_TIMEOUT_MS),
                retries, millis(settings, TeacherSetting.BACKOFF_INITIAL_MS), millis(settings, TeacherSetting.BACKOFF_MAX_MS),
                rpm,
                new TokenPrices(
                        KnobValues.asDouble(TeacherSetting.PRICE_PROMPT_PER_MILLION,
                                get(settings, TeacherSetting.PRICE_PROMPT_PER_MILLION)),
                        KnobValues.asDouble(TeacherSetting.PRICE_COMPLETION_PER_MILLION,
                                get(settings, TeacherSetting.PRICE_COMPLETION_PER_MILLION))));
    }

    private static String get(Map<String, String> settings, TeacherSetting s) {
        return settings.getOrDefault(s.key(), s.defaultValue());
    }

    private static Duration millis(Map<String, String> settings, TeacherSetting s) {
        long ms = KnobValues.asLong(s, get(settings, s));
        if (ms < 0) {
            throw new IllegalArgumentException(s.key() + " must not be negative, was " + ms);
        }
        return Duration.ofMillis(ms);
    }

    @Override
    public String toString() { // never print the key
        return "OpenAiSettings{" + chatCompletions + ", model=" + model + ", key=" + (apiKey.isEmpty() ? "none" : "****")
                + ", retries=" + retries + ", rpm=" + requestsPerMinute + "}";
    }
}
