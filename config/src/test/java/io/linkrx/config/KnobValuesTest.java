package io.linkrx.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnobValuesTest {
    enum TestKnob implements Knob {
        PORT("linkrx.test.http-port", "8080", "A port.");

        private final Spec spec;

        TestKnob(String key, String defaultValue, String description) {
            this.spec = new Spec(key, defaultValue, description);
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    @Test
    void parses_values_and_names_the_key_when_they_are_wrong() {
        assertThat(KnobValues.asInt(TestKnob.PORT, " 8080 ")).isEqualTo(8080);
        assertThat(KnobValues.asBoolean(TestKnob.PORT, "TRUE")).isTrue();
        assertThatThrownBy(() -> KnobValues.asInt(TestKnob.PORT, "eighty")).hasMessage("linkrx.test.http-port must be a whole number, was 'eighty'");
        assertThatThrownBy(() -> KnobValues.asBoolean(TestKnob.PORT, "yes")).hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> KnobValues.asDouble(TestKnob.PORT, "x")).hasMessageContaining("must be a number");
    }

    @Test
    void derives_environment_variables_and_the_readme_table() {
        assertThat(TestKnob.PORT.environmentVariable()).isEqualTo("LINKRX_TEST_HTTP_PORT");
        assertThat(Knob.markdownTable(TestKnob.values()))
                .contains("| `linkrx.test.http-port` | `LINKRX_TEST_HTTP_PORT` | `8080` | A port. |");
    }
}
