package io.linkrx.serving.ops;

import io.linkrx.serving.repository.ModelStatus;
import java.util.List;

/** Readiness as JSON: overall status and, per model, its state, serving version and device. */
public final class HealthReport {
    private HealthReport() {}

    public static String json(boolean ready, List<ModelStatus> models) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"status\":\"").append(ready ? "UP" : "DOWN").append("\",\"models\":[");
        for (int i = 0; i < models.size(); i++) {
            ModelStatus m = models.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append('{');
            field(sb, "name", m.name()).append(',');
            field(sb, "state", m.state().name()).append(',');
            field(sb, "version", m.servingVersion()).append(',');
            sb.append("\"loadedVersions\":[");
            for (int v = 0; v < m.loadedVersions().size(); v++) {
                if (v > 0) {
                    sb.append(',');
                }
                string(sb, m.loadedVersions().get(v));
            }
            sb.append("],");
            field(sb, "device", m.device()).append(',');
            field(sb, "platform", m.platform()).append(',');
            field(sb, "pinnedVersion", m.pinnedVersion()).append(',');
            sb.append("\"queueDepth\":").append(m.queueDepth());
            if (m.lastError() != null) {
                sb.append(',');
                field(sb, "error", m.lastError());
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        string(sb, name);
        sb.append(':');
        if (value == null) {
            return sb.append("null");
        }
        return string(sb, value);
    }

    private static StringBuilder string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
